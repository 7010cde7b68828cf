/** The RS256 keys that sign access tokens, and the JWKS that publishes them. */
@NullMarked
package com.financetracker.users.key;

import org.jspecify.annotations.NullMarked;
