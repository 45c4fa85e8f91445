/** The districts and boundaries API. */
@org.jspecify.annotations.NullMarked
package org.nuanxin.geo.web;
