/** Events between services: the transactional outbox and the platform's own tables. */
@NullMarked
package com.financetracker.platform.events;

import org.jspecify.annotations.NullMarked;
