/**
 * Accounts, roles, sign-in and the security baseline (CSRF, headers, sign-in throttling, sessions); later the data
 * scope and personal-data protection.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
@org.jspecify.annotations.NullMarked
package org.nuanxin.identity;
