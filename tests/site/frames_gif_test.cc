// The GIF written with the frames (each beat drawn once for its PNG and its
// GIF frame, frames encoded in parallel chunks) is byte for byte the GIF
// WriteBeatsGif draws on its own, with or without the PNG frames, on one
// thread or two, for the default lesson and for a lesson of more beats than
// one chunk holds.
#include <boost/test/unit_test.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "../support/default_lesson.h"
#include "base/file_sink.h"
#include "base/parallel_for.h"
#include "render/gif_animation.h"
#include "site/built_lesson.h"
#include "site/frame_files.h"
#include "site/lesson_outputs.h"

using namespace cl;

namespace {

struct ParallelismGuard {
  explicit ParallelismGuard(int threads) { SetParallelism(threads); }
  ~ParallelismGuard() { SetParallelism(1); }
};

std::vector<std::string> GifsWithFrames(const Lesson& lesson, const std::set<std::string>& only, int threads) {
  const ParallelismGuard guard(threads);
  RenderOptions options;
  options.only = only;
  MemoryFileSink sink;
  std::vector<Diagnostic> diagnostics;
  BOOST_REQUIRE(RenderLessonOutputs(lesson, options, sink, &diagnostics));
  const BuiltLesson built = BuildLesson(lesson);
  std::vector<std::string> gifs;
  for (const BuiltVariant& v : built.variants) {
    BOOST_TEST(GifWrittenWithFrames(v, options));
    gifs.push_back(sink.files().at(v.animation_gif));
  }
  return gifs;
}

std::vector<std::string> GifsOnTheirOwn(const Lesson& lesson) {
  const BuiltLesson built = BuildLesson(lesson);
  std::vector<std::string> gifs;
  for (const BuiltVariant& v : built.variants) {
    const BeatSceneFn scene_at = [&built, &v](int i) { return LayoutBuiltBeat(built, v, i); };
    std::string gif, error;
    BOOST_REQUIRE_MESSAGE(WriteBeatsGif(v.story.animation, scene_at, RenderOptions{}.scale, &gif, &error), error);
    gifs.push_back(gif);
  }
  return gifs;
}

void CheckSameGifs(const Lesson& lesson) {
  const std::vector<std::string> want = GifsOnTheirOwn(lesson);
  for (const std::set<std::string>& only : {std::set<std::string>{"gif"}, std::set<std::string>{"gif", "png"}}) {
    for (int threads : {1, 2}) {
      const std::vector<std::string> got = GifsWithFrames(lesson, only, threads);
      BOOST_REQUIRE(got.size() == want.size());
      for (std::size_t i = 0; i < got.size(); ++i)
        BOOST_TEST((got[i] == want[i]), "variant " << i << ", " << only.size() << " kinds, -j " << threads);
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(GifWithTheFramesEqualsTheGifDrawnOnItsOwn) {
  CheckSameGifs(testing::DefaultLesson());
}

BOOST_AUTO_TEST_CASE(GifOfManyChunksEqualsTheGifDrawnOnItsOwn) {
  Lesson lesson = testing::DefaultLesson();
  Variant v = testing::SizedVariant(9, 9, 3, 3);  // 49 conv steps: several chunks of frames
  lesson.variants = {v};
  CheckSameGifs(lesson);
}

namespace {

// Records the pieces each streamed file arrives in; refuses one path.
class PieceCountingSink : public MemoryFileSink {
 public:
  explicit PieceCountingSink(std::string refused = "") : refused_(std::move(refused)) {}
  bool PutFrom(std::string_view relative_path, const FileFiller& fill, std::string* error) override {
    std::string bytes;
    int count = 0;
    const PieceWriter gather = [&](std::string_view piece) {
      ++count;
      bytes.append(piece);
      return true;
    };
    if (!fill(gather, error)) return false;
    pieces[std::string(relative_path)] = count;
    if (relative_path == refused_) {
      *error = "No space left on device";
      return false;
    }
    return Put(relative_path, bytes, error);
  }
  std::map<std::string, int> pieces;

 private:
  std::string refused_;
};

// Refuses every frame file, as a full disk would.
class FramesRefused : public MemoryFileSink {
 public:
  bool Put(std::string_view relative_path, std::string_view bytes, std::string* error) override {
    if (relative_path.find("/frames/") != std::string_view::npos || relative_path.starts_with("frames/")) {
      *error = "No space left on device";
      return false;
    }
    return MemoryFileSink::Put(relative_path, bytes, error);
  }
};

// The one error a refused file gives, naming `path` (empty: any frame's).
void ExpectOneRefusal(const std::vector<Diagnostic>& diagnostics, const std::string& path) {
  BOOST_REQUIRE(diagnostics.size() == 1u);
  if (path.empty()) BOOST_TEST(diagnostics[0].message.ends_with(": No space left on device"), diagnostics[0].message);
  else BOOST_TEST(diagnostics[0].message == "cannot write " + path + ": No space left on device");
}

}  // namespace

// The GIF goes to its file as each chunk of frames is encoded, not held
// whole: more pieces than one for a variant of several chunks, the same bytes.
BOOST_AUTO_TEST_CASE(GifReachesItsFileChunkByChunk) {
  Lesson lesson = testing::DefaultLesson();
  lesson.variants = {testing::SizedVariant(9, 9, 3, 3)};
  const std::vector<std::string> want = GifsOnTheirOwn(lesson);
  RenderOptions options;
  options.only = {"gif", "png"};
  PieceCountingSink sink;
  std::vector<Diagnostic> diagnostics;
  BOOST_REQUIRE(RenderLessonOutputs(lesson, options, sink, &diagnostics));
  const BuiltLesson built = BuildLesson(lesson);
  const std::string& path = built.variants.at(0).animation_gif;
  BOOST_TEST(sink.pieces.at(path) > 2);  // header and first chunk, later chunks, the end
  BOOST_TEST((sink.files().at(path) == want.at(0)));
}

// A GIF that cannot be stored is one error naming it; the frames before it
// were written.
BOOST_AUTO_TEST_CASE(RefusedGifIsOneErrorNamingIt) {
  Lesson lesson = testing::DefaultLesson();
  lesson.variants = {testing::SizedVariant(6, 6, 3, 3)};
  const BuiltLesson built = BuildLesson(lesson);
  const std::string path = built.variants.at(0).animation_gif;
  RenderOptions options;
  options.only = {"gif", "png"};
  PieceCountingSink sink(path);
  std::vector<Diagnostic> diagnostics;
  BOOST_TEST(!RenderLessonOutputs(lesson, options, sink, &diagnostics));
  ExpectOneRefusal(diagnostics, path);
  BOOST_TEST(sink.files().count(path) == 0u);
  BOOST_TEST(sink.files().count(built.variants.at(0).frame_png.at(0)) == 1u);
}

// Frame files are written by the threads that make them; on a disk that
// takes none of them, two threads still tell one error for the lesson, and
// nothing after the failure is published (the GIF included).
BOOST_AUTO_TEST_CASE(RefusedFramesOnTwoThreadsAreOneError) {
  const ParallelismGuard guard(2);
  Lesson lesson = testing::DefaultLesson();
  lesson.variants = {testing::SizedVariant(9, 9, 3, 3)};
  const BuiltLesson built = BuildLesson(lesson);
  RenderOptions options;
  options.only = {"gif", "png", "svg"};
  FramesRefused sink;
  std::vector<Diagnostic> diagnostics;
  BOOST_TEST(!WriteFrameFiles(built, options, sink, &diagnostics));
  ExpectOneRefusal(diagnostics, "");
  BOOST_TEST(sink.files().count(built.variants.at(0).animation_gif) == 0u);
}

// A lesson's variants are written side by side, one a thread: when the disk
// refuses their frames, the lesson still has one error, and neither GIF is
// published; when it refuses one variant's GIF alone, that is the one error
// (the other variant stops where it is: the lesson has failed).
BOOST_AUTO_TEST_CASE(VariantsSideBySideFailAsOne) {
  const ParallelismGuard guard(2);
  const Lesson lesson = testing::DefaultLesson();
  const BuiltLesson built = BuildLesson(lesson);
  BOOST_REQUIRE(built.variants.size() == 2u);
  RenderOptions options;
  options.only = {"gif", "png", "svg"};
  for (int round = 0; round < 5; ++round) {  // whichever thread fails first
    FramesRefused sink;
    std::vector<Diagnostic> diagnostics;
    BOOST_TEST(!WriteFrameFiles(built, options, sink, &diagnostics));
    ExpectOneRefusal(diagnostics, "");
    for (const BuiltVariant& v : built.variants) BOOST_TEST(sink.files().count(v.animation_gif) == 0u);
  }
  const std::string& refused = built.variants.at(1).animation_gif;
  for (int round = 0; round < 5; ++round) {
    PieceCountingSink sink(refused);
    std::vector<Diagnostic> diagnostics;
    BOOST_TEST(!WriteFrameFiles(built, options, sink, &diagnostics));
    ExpectOneRefusal(diagnostics, refused);
    BOOST_TEST(sink.files().count(refused) == 0u);
  }
}
