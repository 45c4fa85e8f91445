/** The members list of the console: filters, one member, xlsx export, unmasking with a reason. */
@org.jspecify.annotations.NullMarked
package org.nuanxin.membership.internal.members;
