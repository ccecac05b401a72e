// Sums of decimals without binary noise. Lessons type decimals (0.1, 0.75)
// that doubles hold only nearly, so a sum of their products comes out as
// -1.5600000000000003 or 5.55e-17 where the lesson's arithmetic, done by
// hand, gives -1.56 or 0; every page, frame and PDF would show that noise.
// A computed value is rounded to the finest decimal place that lies 1000
// times above the error its double arithmetic can have made (a bound from the
// size of its terms): where the exact result has no more decimal places
// than that (every lesson whose inputs have a few decimals each), the
// result is the double nearest that exact decimal, whose shortest form is
// the decimal itself. A value is rounded only where that decimal lies
// within the error of it: whole numbers, exact fractions such as 15.9375 or
// 2^-16, and results with more places (a third, weights of 1/9) stay as
// they are.
#pragma once

#include <cmath>
#include <cstddef>

namespace cl {

// `value`, a result of `operations` roundings (products and additions) on
// terms whose magnitudes add up to `magnitude`, rounded as above where the
// rounded value lies within that error; 0 where 0 does. -0 never comes out.
// Returned as it is when not finite, when the error could reach 0.01
// (magnitudes past about 1e11), or when the place would be finer than
// 10^-22 (magnitudes under about 1e-8).
double CleanDecimal(double value, double magnitude, int operations);

// A product of two inputs (one rounding), cleaned.
inline double CleanProduct(double product) { return CleanDecimal(product, std::abs(product), 1); }

// A sum of terms with what CleanDecimal needs: the terms' magnitudes and count.
class DecimalSum {
 public:
  // Adds `term` (itself one rounding: a product).
  void Add(double term) {
    sum_ += term;
    magnitude_ += std::abs(term);
    operations_ += 2;
  }
  // Adds another sum's terms, as one more addition.
  void Add(const DecimalSum& other) {
    sum_ += other.sum_;
    magnitude_ += other.magnitude_;
    operations_ += other.operations_ + 1;
  }
  // Adds channel k's partial sum: the first is the sum, each later one is
  // added to it (the maps' order: docs/computation.md).
  void AddChannel(std::size_t k, const DecimalSum& partial) {
    if (k == 0)
      *this = partial;
    else
      Add(partial);
  }
  // Adds a filter's bias, as the maps do after the weighted sum.
  void AddBias(double bias) {
    sum_ += bias;
    magnitude_ += std::abs(bias);
    operations_ += 1;
  }
  double raw() const { return sum_; }
  double Clean() const { return CleanDecimal(sum_, magnitude_, operations_); }
  // The sum over `divisor` (an average), cleaned: 0.7 / 5 is 0.14, while
  // 1 / 3 keeps every digit of the division.
  double CleanQuotient(int divisor) const;

 private:
  double sum_ = 0.0, magnitude_ = 0.0;
  int operations_ = 0;
};

}  // namespace cl
