/**
 * The Open311 GeoReport v2 adapter of the grid module under {@code /open311/v2} (discovery, services, service
 * definitions, service requests and tokens, in JSON and XML with the standard's error format) and the API keys that
 * let other systems post requests ({@link org.nuanxin.grid.open311.ApiKeys}, kept by the city administrator at
 * {@code /console/grid/api-keys}). Decisions are written down in docs/OPEN311.md.
 */
@org.jspecify.annotations.NullMarked
package org.nuanxin.grid.open311;
