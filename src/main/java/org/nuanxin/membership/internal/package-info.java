/** Implementation of membership: storage, joining, review, cards, transfers and the worker's data. */
@org.jspecify.annotations.NullMarked
package org.nuanxin.membership.internal;
