/** Implementation of layouts, locale selection and the OpenAPI description. */
@org.jspecify.annotations.NullMarked
package org.nuanxin.web.internal;
