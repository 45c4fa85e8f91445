/** Implementation of the station roster, the finder index, imports and demo data. */
@org.jspecify.annotations.NullMarked
package org.nuanxin.station.internal;
