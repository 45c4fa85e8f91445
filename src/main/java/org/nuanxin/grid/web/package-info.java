/** Grid console pages: the triage queue, a report with its actions, the map, the export, blocks and units. */
@org.jspecify.annotations.NullMarked
package org.nuanxin.grid.web;
