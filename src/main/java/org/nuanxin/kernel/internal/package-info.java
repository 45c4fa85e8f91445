/** Implementation of the shared kernel: the clock beans and the API problem-details advice. */
@org.jspecify.annotations.NullMarked
package org.nuanxin.kernel.internal;
