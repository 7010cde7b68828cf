/**
 * The events the services exchange, each declared once: its name, its topic, its payload record, validated when
 * received, and the one service that sends it ({@link com.financetracker.contracts.ServiceNames}). A publisher records
 * them in its outbox; a receiver handles them with an {@code EventHandler} and refuses them from any other service.
 */
@NullMarked
package com.financetracker.contracts;

import org.jspecify.annotations.NullMarked;
