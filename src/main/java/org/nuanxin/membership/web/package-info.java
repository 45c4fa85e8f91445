/** Membership pages: the worker's /m/join, /m/member, /m/me/data, the public card check and the review console. */
@org.jspecify.annotations.NullMarked
package org.nuanxin.membership.web;
