/**
 * Rider-friendly blocks and hazard reports by part-time grid workers (issue 10). So far: the intake of a
 * report's photo ({@link org.nuanxin.grid.PhotoIntake}), which checks an upload by its content, bounds its
 * size and pixels before decoding, and re-encodes it upright without any metadata.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Grid and hazard reports")
@org.jspecify.annotations.NullMarked
package org.nuanxin.grid;
