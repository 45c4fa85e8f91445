/**
 * The enterprise registry (企业名录) with union-establishment status, the union-establishment campaigns
 * (建会攻坚行动), their console pages, the registry's xlsx import and export, and the demo data.
 */
@org.jspecify.annotations.NullMarked
package org.nuanxin.organization.internal.enterprise;
