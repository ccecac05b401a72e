// SharedValue and SharedList::Share: copies share, an edit copies first,
// and an item shared out of a list keeps the list's storage alive.
#include <boost/test/unit_test.hpp>

#include <memory>
#include <vector>

#include "base/grid.h"

BOOST_AUTO_TEST_SUITE(SharedValueSuite)

BOOST_AUTO_TEST_CASE(CopiesShareUntilOneIsEdited) {
  cl::SharedValue<cl::Grid> a(cl::Grid(2, 2, 1.0));
  const cl::SharedValue<cl::Grid> b = a;
  BOOST_TEST(&a.get() == &b.get());
  a.Edit().at(0, 0) = 5;  // a copy of its own: b keeps 1
  BOOST_TEST(&a.get() != &b.get());
  BOOST_TEST(a->at(0, 0) == 5);
  BOOST_TEST(b->at(0, 0) == 1);
  const cl::Grid* edited = &a.get();
  a.Edit().at(0, 1) = 6;  // already its own: no second copy
  BOOST_TEST(&a.get() == edited);
  BOOST_TEST(a->at(0, 0) == 5);
}

BOOST_AUTO_TEST_CASE(AnEditAfterBeingCopiedLeavesTheCopyAlone) {
  cl::SharedValue<cl::Grid> a(cl::Grid(1, 1, 1.0));
  a.Edit().at(0, 0) = 2;
  const cl::SharedValue<cl::Grid> copy = a;
  a.Edit().at(0, 0) = 3;
  BOOST_TEST(copy->at(0, 0) == 2);
  BOOST_TEST(a->at(0, 0) == 3);
  cl::SharedValue<cl::Grid> assigned;
  assigned = a;
  assigned.Edit().at(0, 0) = 4;
  BOOST_TEST(a->at(0, 0) == 3);
  BOOST_TEST(assigned->at(0, 0) == 4);
}

BOOST_AUTO_TEST_CASE(ADefaultValueIsEmptyAndEqualityComparesValues) {
  const cl::SharedValue<cl::Grid> none;
  BOOST_TEST(none->empty());
  BOOST_TEST((cl::SharedValue<cl::Grid>(cl::Grid(1, 2)) == cl::SharedValue<cl::Grid>(cl::Grid(1, 2))));
  BOOST_TEST(!(cl::SharedValue<cl::Grid>(cl::Grid(1, 2)) == cl::Grid(2, 1)));
}

BOOST_AUTO_TEST_CASE(AnItemSharedFromAListOutlivesTheList) {
  std::shared_ptr<const cl::Grid> first;
  const cl::Grid* in_list = nullptr;
  {
    const cl::GridList list(std::vector<cl::Grid>{cl::Grid(1, 1, 7.0), cl::Grid(1, 1, 8.0)});
    first = list.Share(0);
    in_list = &list[0];
  }
  BOOST_TEST(first.get() == in_list);  // the item itself, not a copy
  BOOST_TEST(first->at(0, 0) == 7);   // still there once the list is gone
  const cl::SharedValue<cl::Grid> value(first);
  BOOST_TEST(&value.get() == in_list);
}

BOOST_AUTO_TEST_SUITE_END()
