/** Implementation of the grid module: photo intake (format sniffing, header-only limits, re-encoding). */
@org.jspecify.annotations.NullMarked
package org.nuanxin.grid.internal;
