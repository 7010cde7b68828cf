package com.financetracker.platform.events;

/**
 * An event from a service that may not send it: another service's event type ({@code user.deleted} from the expense
 * service), or a usage report about another service. Over HTTP it is answered 403 and nothing is applied or recorded,
 * so the event's rightful sender can still deliver it.
 */
public final class SenderNotAllowedException extends RuntimeException {

    SenderNotAllowedException(String sender, EventEnvelope event, String reason) {
        super(sender + " may not send " + event.type() + " events: " + reason);
    }
}
