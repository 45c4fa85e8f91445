/** Implementation of accounts, sign-in, access rules and account management. */
@org.jspecify.annotations.NullMarked
package org.nuanxin.identity.internal;
