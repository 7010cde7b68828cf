package com.financetracker.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the request's parameters to a controller parameter that is a record, one parameter per component of the same
 * name, converted like {@code @RequestParam} values (with {@code @DateTimeFormat} and the like on the components),
 * then validated with the record's constraints. Any problem is a 400 naming the parameters, as for a
 * {@code @Valid @ModelAttribute}. The record's shape is read once, not on every request as Spring's constructor
 * binding does, which halved the throughput of the expense list.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface QueryParameters {}
