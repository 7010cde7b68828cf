/** Accounts: registration, credentials, profile, administration. */
@NullMarked
package com.financetracker.users.account;

import org.jspecify.annotations.NullMarked;
