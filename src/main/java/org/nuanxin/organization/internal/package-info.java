/** Implementation of the organisation tree (closure table), its console, the enterprise registry and campaigns. */
@org.jspecify.annotations.NullMarked
package org.nuanxin.organization.internal;
