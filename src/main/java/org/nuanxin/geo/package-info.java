/**
 * Geography of the city: administrative divisions (GB/T 2260), district boundaries, point-in-district
 * lookup, coordinate systems (WGS-84, GCJ-02, BD-09) and their conversion, distances and travel-time
 * estimates. The top-level package is the module's API; {@code internal} is private to it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Geography")
@org.jspecify.annotations.NullMarked
package org.nuanxin.geo;
