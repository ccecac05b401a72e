// ThreadOwned<T>(): the calling thread's own T, made at its first use and
// destroyed when the thread ends. Instead of a thread_local object with a
// destructor: glibc registers each such object at a thread's first use
// (__cxa_thread_atexit) under the dynamic loader's lock, which `dlopen`
// holds while it loads, so a thread that first wrote an SVG number or a
// cell's colour while the graphics libraries were being loaded on another
// thread waited for all 34 of them (graphics_libraries/). Here the
// thread-local part is a plain pointer, and a pthread key (no loader lock)
// frees the object at the thread's end. Each use names its own type T: two
// uses of one type would share the object. Needed for what a lesson's
// outputs that draw nothing use (they are written while those libraries
// load: cli/course_build.cc), and the form for any per-thread object kept
// on the heap (the GIF writer's tables).
#pragma once

#include <pthread.h>

namespace cl {

namespace thread_owned {
template <typename T>
T*& Mine() {
  thread_local T* mine = nullptr;  // trivially destructible: nothing registered
  return mine;
}
}  // namespace thread_owned

template <typename T>
T& ThreadOwned() {
  T*& mine = thread_owned::Mine<T>();
  if (mine) return *mine;
  // One key per type, made once (a failure, past the system's ~1000 keys,
  // only leaves each thread's object unfreed at its end).
  static const struct Key {
    pthread_key_t key{};
    bool made = false;
    Key() {
      made = pthread_key_create(&key, [](void* object) {
               delete static_cast<T*>(object);
               thread_owned::Mine<T>() = nullptr;  // a use after this makes another
             }) == 0;
    }
  } key;
  mine = new T();
  if (key.made) pthread_setspecific(key.key, mine);
  return *mine;
}

}  // namespace cl
