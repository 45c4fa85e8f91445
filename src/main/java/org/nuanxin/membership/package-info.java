/**
 * Membership (会员): joining online (一键入会) by work-location or origin-location enrollment, review by the
 * receiving union, one person one membership (会员实名制), the electronic card and its public verification,
 * transfer between unions (会籍转接), withdrawal and rejoining, and the worker's own data (PIPL arts. 44–47).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Membership")
@org.jspecify.annotations.NullMarked
package org.nuanxin.membership;
