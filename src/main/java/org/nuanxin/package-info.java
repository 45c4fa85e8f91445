/** Nuanxin (暖新): the platform a city federation of trade unions uses to organise and serve gig workers. */
@org.jspecify.annotations.NullMarked
package org.nuanxin;
