/** What every page shares: the page context, formatting for the browser's locale, form errors. */
@NullMarked
package com.financetracker.web.view;

import org.jspecify.annotations.NullMarked;
