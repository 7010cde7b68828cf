/**
 * The events the services exchange, each declared once: its name, its topic and its payload record, validated when
 * received. A publisher records them in its outbox; a receiver handles them with an {@code EventHandler}.
 */
@NullMarked
package com.financetracker.contracts;

import org.jspecify.annotations.NullMarked;
