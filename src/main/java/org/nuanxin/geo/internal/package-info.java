/** Implementation of the geo module: Chongqing divisions, boundaries and travel-time estimates. */
@org.jspecify.annotations.NullMarked
package org.nuanxin.geo.internal;
