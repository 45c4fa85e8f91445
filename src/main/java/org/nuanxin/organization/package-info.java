/**
 * Union organisations (工会组织): the tree from the municipal federation down to enterprise unions, the
 * enterprise registry and the union-establishment campaign (建会攻坚行动). Implements identity's {@link
 * org.nuanxin.identity.OrganizationTree}, from which every module's data scope is cut.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Union organisations")
@org.jspecify.annotations.NullMarked
package org.nuanxin.organization;
