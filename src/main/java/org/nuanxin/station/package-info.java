/**
 * Union stations (工会驿站): roster, amenities, opening hours, imports and exports, and the
 * nearest-station finder of the 15-minute service circle.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Union stations")
@org.jspecify.annotations.NullMarked
package org.nuanxin.station;
