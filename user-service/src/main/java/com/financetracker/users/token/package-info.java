/** Access and refresh tokens: login, refresh, logout, the client-credentials grant. */
@NullMarked
package com.financetracker.users.token;

import org.jspecify.annotations.NullMarked;
