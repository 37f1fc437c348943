package dev.assay.service.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a route anyone may call, signed in or not. Every route carries either this or
 * {@code @RolesAllowed}; a route with neither is refused at run time and fails the route-rule test.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Public {}
