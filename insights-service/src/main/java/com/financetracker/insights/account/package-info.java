/** What happens when a person's account is deleted: everything this service holds about them goes. */
@NullMarked
package com.financetracker.insights.account;

import org.jspecify.annotations.NullMarked;
