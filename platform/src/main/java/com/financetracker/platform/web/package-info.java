/** HTTP plumbing every service shares: problem responses, request ids, body limits, route templates. */
@NullMarked
package com.financetracker.platform.web;

import org.jspecify.annotations.NullMarked;
