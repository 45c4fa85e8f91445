/**
 * The shared kernel every module may use, and nothing domain-specific: the city's clock and time
 * zone ({@link org.nuanxin.kernel.CityTime}), field problems as message codes with arguments
 * ({@link org.nuanxin.kernel.FieldProblem}, {@link org.nuanxin.kernel.InvalidInputException},
 * resolved to text by {@link org.nuanxin.kernel.ProblemMessages}), paging with Spring Data's
 * {@code Page}/{@code Pageable} ({@link org.nuanxin.kernel.Paging}), and the RFC 9457
 * problem-details mapping of the JSON API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel")
@org.jspecify.annotations.NullMarked
package org.nuanxin.kernel;
