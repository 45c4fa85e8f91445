/**
 * Shared web parts: layout fragments, navigation, locale selection, RFC 9457 problem details and
 * error pages. No business rules live here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
@org.jspecify.annotations.NullMarked
package org.nuanxin.web;
