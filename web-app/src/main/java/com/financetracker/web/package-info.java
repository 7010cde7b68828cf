/** The web app: server-rendered pages over the services' APIs. */
@NullMarked
package com.financetracker.web;

import org.jspecify.annotations.NullMarked;
