/** Mass enrollment (集中入会): roster template, upload, checked preview, commit and result, off the request thread. */
@org.jspecify.annotations.NullMarked
package org.nuanxin.membership.internal.enrollment;
