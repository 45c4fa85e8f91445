/** Station pages (rider finder, console roster, imports) and the station API. */
@org.jspecify.annotations.NullMarked
package org.nuanxin.station.web;
