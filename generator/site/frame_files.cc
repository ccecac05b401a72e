#include "site/frame_files.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "base/parallel_for.h"

#include "render/cairo_png.h"
#include "render/gif_animation.h"
#include "render/gif_encoder.h"
#include "render/svg_writer.h"
#include "scene/dark_scene.h"
#include "site/cost_budget.h"
#include "site/output_paths.h"
#include "site/write_failure.h"

namespace cl {
namespace {

// A frame's file in pieces: its PNG (PngFrame) or its SVG (SvgFrame).
// Sets *bytes to its size.
using FrameFiller = std::function<bool(const PieceWriter& write, std::size_t* bytes)>;

FrameFiller PngFrame(std::string png) {
  return [png = std::move(png)](const PieceWriter& write, std::size_t* bytes) {
    *bytes = png.size();
    return !png.empty() && write(png);
  };
}

// A frame's SVG carries its dark twin: it follows the reader's colour scheme.
// (PNG frames stay light: a second set would double their pixels, docs/costs.md.)
// Written in pieces: a photograph's frame is megabytes.
FrameFiller SvgFrame(const Scene& scene, std::string id_prefix) {
  return [&scene, id_prefix = std::move(id_prefix)](const PieceWriter& write, std::size_t* bytes) {
    const Scene dark = DarkScene(scene);
    SvgOptions options;
    options.dark = &dark;
    return WriteSvgTo(scene, id_prefix, options, [&](std::string_view piece) {
      *bytes += piece.size();
      return write(piece);
    });
  };
}

}  // namespace

bool GifWrittenWithFrames(const BuiltVariant& v, const RenderOptions& options) {
  if (!options.Wants("gif") || v.animation_gif.empty() || v.story.beats.empty()) return false;
  const std::vector<AnimationFrame>& frames = v.story.animation.frames;
  if (frames.size() != v.story.beats.size()) return false;
  for (std::size_t k = 0; k < frames.size(); ++k)
    if (frames[k].beat != static_cast<int>(k)) return false;
  return true;
}

namespace {

// What the runs of the palette beats a FramesGif keeps may hold in all (a
// share of it each, for variants side by side).
constexpr std::size_t kKeptRunsBytes = std::size_t{8} << 20;

std::size_t RunsBytes(const ColourRuns& r) {
  return r.run_colour.size() * (sizeof(r.run_colour[0]) + sizeof(r.run_length[0])) + r.row_first.size() * sizeof(std::size_t) +
         r.row_same.size() + r.colours.size() * (sizeof(uint32_t) + sizeof(uint64_t));
}

// What a variant's sample beats (its animation plan's palette beats) tell
// of its frames' colours: the colours its scenes name, the shades the
// samples blend (counted in beat order, so they never depend on the
// threads), beat 0's frame size, and the samples' runs while they are small
// (a photograph's frame is 8 MB of runs, and a variant has up to 6 palette
// beats), to be written without drawing them again.
struct VariantColours {
  std::vector<Color> exact;
  ColorHistogram shades;
  std::vector<ColourRuns> counted;  // the samples' colours and counts (no runs)
  int width = 0, height = 0;
  std::map<int, ColourRuns> drawn;
};

// The band a lesson's drawers paint a frame too large to keep in.
std::size_t BandPixels(const BuiltLesson& built, double scale) {
  if (HasLargeImage(*built.lesson)) return kLargeImageBandPixels;
  return LargeFrames(built, scale) ? kLargeFrameBandPixels : kBandPixels;
}

VariantColours SampleVariantColours(const BuiltLesson& built, const BuiltVariant& v, double scale,
                                    std::size_t kept_runs_bytes) {
  const AnimationPlan& plan = v.story.animation;
  const BeatSceneFn scene_at = [&built, &v](int i) { return LayoutBuiltBeat(built, v, i); };
  VariantColours sample;
  sample.exact = ExactGifColours(plan, scene_at);
  std::vector<int> beats = plan.palette_beats;
  if (std::find(beats.begin(), beats.end(), 0) == beats.end()) beats.push_back(0);  // the canvas: beat 0's size
  std::sort(beats.begin(), beats.end());
  // In beat order, each drawn from the sample before (FrameDrawer repaints
  // what differs; its runs are those drawn whole): drawn whole and side by
  // side, the samples were a ninth of the default lesson's CPU, for 5 frames
  // of its 23 per variant. A thread that comes free takes the back half
  // (a photograph's variants are written one at a time).
  const auto workers = static_cast<std::size_t>(std::max(1, Parallelism()));
  std::vector<std::unique_ptr<FrameDrawer>> drawers(workers);
  std::vector<ColourRuns> colour_counts(beats.size());  // colours and counts only
  std::vector<std::optional<ColourRuns>> drawn(beats.size());
  std::atomic<std::size_t> kept_bytes{0};
  ParallelChain(beats.size(), workers, 2, [&](std::size_t k, std::size_t worker) {
    if (!drawers[worker]) drawers[worker] = std::make_unique<FrameDrawer>(scale, nullptr, BandPixels(built, scale));
    const ColourRuns& runs = drawers[worker]->Draw(scene_at(beats[k]));
    colour_counts[k].width = runs.width, colour_counts[k].height = runs.height;
    colour_counts[k].colours = runs.colours, colour_counts[k].counts = runs.counts;
    const std::size_t bytes = RunsBytes(runs);
    if (kept_bytes.fetch_add(bytes) + bytes <= kept_runs_bytes) drawn[k] = runs;
  });
  drawers.clear();
  for (std::size_t k = 0; k < beats.size(); ++k) {
    if (beats[k] == 0) sample.width = colour_counts[k].width, sample.height = colour_counts[k].height;
    if (std::find(plan.palette_beats.begin(), plan.palette_beats.end(), beats[k]) != plan.palette_beats.end()) {
      CountGifShades(colour_counts[k], sample.exact, &sample.shades);
      sample.counted.push_back(std::move(colour_counts[k]));
    }
    if (drawn[k]) sample.drawn.emplace(beats[k], std::move(*drawn[k]));
  }
  return sample;
}

// The runs of `beat` in `drawn` (a sample drawn already), moved out; else empty.
std::optional<ColourRuns> TakeDrawn(std::map<int, ColourRuns>* drawn, int beat) {
  auto it = drawn->find(beat);
  if (it == drawn->end()) return std::nullopt;
  ColourRuns runs = std::move(it->second);
  drawn->erase(it);
  return runs;
}

// The palette a variant's PNG frames share where it serves them
// (render/png_encode.h's FramePalette), from the colours its scenes name
// and its samples' colours. The tall frames share the wide ones': the same
// fills and text, and their own few shades fit in the room left (measured:
// every tall frame of the course and of the 1808-beat lesson; 101 of the
// photograph lesson's 112, whose wide frames are mostly truecolour).
std::shared_ptr<const FramePalette> PngFramePalette(const VariantColours& sample) {
  std::vector<uint32_t> named;
  for (const Color& c : sample.exact) named.push_back(PackRgb(c));
  std::vector<const ColourRuns*> samples;
  for (const ColourRuns& counted : sample.counted) samples.push_back(&counted);
  return std::make_shared<const FramePalette>(FramePalette::FromSamples(samples, named));
}

// A variant's GIF, made from the runs its frames are read into: the palette
// beats are drawn first (their shades choose the palette), then each beat's
// runs become a GIF frame beside its PNG, and a chunk's frames are encoded
// in parallel, each against the one before.
class FramesGif {
 public:
  FramesGif(const BuiltVariant& v, const VariantColours& sample)
      : plan_(v.story.animation), width_(sample.width), height_(sample.height) {
    GifPalette palette = BeatsGifPalette(sample.exact, sample.shades);
    const uint8_t fill = palette.Nearest(PackRgb(sample.exact.front()));
    encoder_ = std::make_unique<GifAnimationEncoder>(width_, height_, std::move(palette), fill);
  }

  const GifAnimationEncoder& encoder() const { return *encoder_; }
  // The frame before the next chunk's first (none before the first chunk).
  const GifIndexFrame* last() const { return last_.width > 0 ? &last_ : nullptr; }

  // The bytes of beat first + k's frame: `now` coded against the frame
  // shown before it (the chunk's frame k - 1, or the last chunk's last).
  std::string FrameBytes(std::size_t first, std::size_t k, const std::vector<GifIndexFrame>& indexed) const {
    const GifIndexFrame* before = k > 0 ? &indexed[k - 1] : first > 0 ? &last_ : nullptr;
    const int delay_cs = (plan_.frames[first + k].hold_ms + 5) / 10;
    return encoder_->FrameBytes(before, indexed[k], delay_cs);
  }

  // Appends the frames of beats first .. first + bytes->size() - 1, in
  // order: those not coded yet (empty) first, from `indexed`.
  bool Append(std::size_t first, std::vector<GifIndexFrame>* indexed, std::vector<std::string>* bytes,
              std::string* error) {
    const std::size_t n = bytes->size();
    ParallelFor(n, [&](std::size_t k) {
      if ((*bytes)[k].empty()) (*bytes)[k] = FrameBytes(first, k, *indexed);
    });
    for (const std::string& frame : *bytes)
      if (!encoder_->AppendFrame(frame, error)) return false;
    if (n > 0) last_ = std::move(indexed->back());
    return true;
  }
  std::string TakeBytes() { return encoder_->TakeBytes(); }
  bool Finish(std::string* gif, std::string* error) { return encoder_->Finish(gif, error); }

 private:
  const AnimationPlan& plan_;
  int width_ = 0, height_ = 0;
  std::unique_ptr<GifAnimationEncoder> encoder_;
  GifIndexFrame last_;  // the frame before the next chunk's first
};

// Frames larger than this (8 megapixels) go in short chunks, drawn in order
// (LeastTaken).
constexpr double kLargeFramePixels = 8.0 * (1 << 20);

// Beats laid out, drawn and encoded before their files are written (in beat
// order): 16 per thread, so each run draws many beats from the one before
// (a run's first beat is drawn whole: with 4 a thread, a 2000-beat lesson
// took 9.6 s instead of 7.9, for 7 MB less); but as many as threads when a
// frame is larger than kLargeFramePixels, as then each beat waiting holds
// megabytes of PNG and GIF frame (a 28x28 photograph at --scale 4: 45
// megapixels), and its drawer as much again. (Frames just past what
// FrameDrawer keeps whole, the default lesson's 2.8 megapixels, once counted
// as large too: every other beat was drawn whole, and each pair of beats
// waited for the files before it to be written: a 2000-beat lesson's PNG
// frames took 16.5 s instead of 10.6.)
// The pixels of a variant's wide frame at `scale` (every beat's size): the
// larger of a beat's two.
double FramePixels(const BuiltVariant& v, double scale) {
  return std::ceil(v.geometry.width * scale) * std::ceil(v.geometry.height * scale);
}

bool LargeFrames(const BuiltVariant& v, double scale) { return FramePixels(v, scale) > kLargeFramePixels; }

// Variants whose images have more cells than this are written one at a time
// (WriteFrameFiles).
constexpr long long kMostCellsSideBySide = 32 * 32;

// Large frames up to this size go two variants at a time, larger ones one
// at a time (WriteFrameFiles): `real-picture`'s 11-megapixel frames, one
// variant at a time, left the second core idle once the lesson's other
// outputs were written (2.2-2.8 s alone; two at a time 1.6-1.8 s, its peak
// 86 to 93-113 MB; 106 MB at --scale 2.38, frames of 15.8 megapixels).
constexpr double kMostPixelsTwoAtOnce = 2.0 * kLargeFramePixels;

// The fewest beats a thread that comes free takes from a run: a run's first
// beat is drawn whole, which costs more than one drawn from the beat before,
// so taking a single beat gains little over leaving it to the run's owner.
// A chunk of large frames (as many beats as threads) is never split: its
// beats are drawn in order on one thread, beside the lesson's other
// outputs (or other lessons). Split, every other beat was drawn whole:
// real-picture alone took 3.0 s instead of 3.3, but 5.3 s of CPU instead of
// 3.5 and 140 MB instead of 92 (also with longer chunks: 4.0 s of CPU,
// 130 MB; or with each thread drawing every other beat from the one two
// before: 4.4 s, 145 MB), and a course build is short of CPU, not threads.
std::size_t LeastTaken(const BuiltVariant& v, double scale) {
  return LargeFrames(v, scale) ? std::numeric_limits<std::size_t>::max() : 2;
}

std::size_t BeatsPerChunk(const BuiltVariant& v, double scale, std::size_t threads) {
  if (LargeFrames(v, scale)) return threads;
  return std::max<std::size_t>(32, 16 * threads);
}

// What a chunk's beats may weigh, encoded: the next chunk has as many beats
// as fit, by the bytes each beat of this one made (at least one per
// thread). Their files are written as they are made, but their GIF frames
// (coded, or indexed when their frame before was another thread's) wait
// for the chunk's end, and the work in flight grows with a beat's weight.
// A 512x512 photograph's frames weigh about 10 MB a beat (its SVG, PNG and
// GIF frame: noise compresses badly), the default lesson's 0.3 MB.
// Variants side by side share it (and kKeptRunsBytes): together they hold
// what one variant at a time did.
constexpr std::size_t kChunkBytes = std::size_t{16} << 20;

std::size_t IndexFrameBytes(const GifIndexFrame& f) {
  return f.run_index.size() + f.run_length.size() * sizeof(f.run_length[0]) + f.row_first.size() * sizeof(std::size_t) +
         f.row_same.size();
}

// A beat's wide and tall frames are drawn in turn: one band serves both.
struct Drawers {
  Drawers(double scale, std::size_t band_pixels) : wide(scale, &band, band_pixels), tall(scale, &band, band_pixels) {}
  PixelBuffer band;
  FrameDrawer wide, tall;
  const BuiltVariant* variant = nullptr;  // the wide frame drawn last: whose, and its beat
  int beat = -1;
};

// The first file of a lesson's frames that cannot be written ends them all,
// told once: its variants are written side by side, and on a full disk every
// later file would fail the same way.
class FrameFailures {
 public:
  FrameFailures(std::vector<Diagnostic>* diagnostics, const std::string& lesson_path)
      : diagnostics_(diagnostics), lesson_path_(lesson_path) {}
  bool failed() const { return failed_.load(); }
  const std::atomic<bool>* flag() const { return &failed_; }
  // Tells `message` unless a failure was told before. Returns false.
  bool Fail(std::string message) {
    const std::lock_guard lock(mutex_);
    if (!failed_.exchange(true)) ReportWriteFailure(diagnostics_, lesson_path_, std::move(message));
    return false;
  }

 private:
  std::vector<Diagnostic>* diagnostics_;
  const std::string& lesson_path_;
  std::atomic<bool> failed_{false};
  std::mutex mutex_;  // diagnostics_ is told from the thread that failed
};

// One variant's frame files, chunk by chunk (see WriteFrameFiles), and the
// GIF made from them.
class VariantFrames {
 public:
  // `side_by_side`: the variants that may be written at once, which share
  // the memory budgets.
  VariantFrames(const BuiltLesson& built, const BuiltVariant& v, const RenderOptions& options, FileSink& sink,
                FrameFailures& failures, std::vector<std::unique_ptr<Drawers>>* drawers, std::size_t side_by_side)
      : built_(built), v_(v), options_(options), sink_(sink), failures_(failures), drawers_(*drawers),
        side_by_side_(std::max<std::size_t>(1, side_by_side)), svg_(options.Wants("svg")),
        png_(options.Wants("png")), gif_(GifWrittenWithFrames(v, options)) {}

  bool Write() {
    if (!svg_ && !png_ && !gif_) return true;
    if ((png_ || gif_) && !v_.story.animation.frames.empty()) {
      sample_ = SampleVariantColours(built_, v_, options_.scale, kKeptRunsBytes / side_by_side_);
      if (png_) png_palette_ = PngFramePalette(sample_);
      if (gif_) frames_gif_.emplace(v_, sample_);
      // Only the samples' runs are needed now (a photograph's colour
      // counts are megabytes).
      sample_.counted = {}, sample_.shades = {}, sample_.exact = {};
    }
    // Its frames are the last of its outputs to draw its beats' scenes.
    const struct ForgetScenes {
      const BuiltLesson& built;
      const BuiltVariant& v;
      ~ForgetScenes() { built.scenes->Forget(VariantPlace(built, v)); }
    } forget{built_, v_};
    if (!gif_) return WriteChunks(nullptr, nullptr);
    // The GIF's bytes go to its file as each chunk's frames are encoded (a
    // photograph's animation is megabytes, once held whole until its end).
    std::string error;
    const FileFiller fill = [&](const PieceWriter& write, std::string* e) { return WriteChunks(&write, e); };
    if (sink_.PutFrom(v_.animation_gif, fill, &error)) return true;
    if (failures_.failed()) return false;  // a frame's file, this variant's or another's: told already
    return failures_.Fail("cannot write " + v_.animation_gif + ": " + error);
  }

 private:
  // Every beat's frames; with a GIF, its bytes to `gif_write`. False when a
  // frame's file could not be written (told, and failures_ set) or the
  // GIF could not (*gif_error).
  bool WriteChunks(const PieceWriter* gif_write, std::string* gif_error) {
    const std::size_t threads = drawers_.size();
    const std::size_t beats = v_.story.beats.size();
    const std::size_t most = BeatsPerChunk(v_, options_.scale, threads);
    // A run per thread, of the threads this variant may get while others
    // are written beside it.
    const std::size_t fewest = std::max<std::size_t>(1, threads / side_by_side_);
    std::size_t chunk = fewest;  // the first chunk measures what a beat holds
    for (std::size_t first = 0, n = 0; first < beats; first += n) {
      n = std::min(chunk, beats - first);
      Chunk c(n, gif_);
      for (std::size_t k = 0; k < n; ++k) c.drawn[k] = TakeDrawn(&sample_.drawn, static_cast<int>(first + k));
      // Beats in order on one drawer, split as threads come free: with every
      // helper busy (two lessons built at once) the chunk is one run, every
      // beat drawn from the one before; a thread that comes free takes the
      // back half of the run (drawing its first beat whole).
      std::size_t last_drawer = 0;  // the drawer of the chunk's last beat
      ParallelChain(n, threads, LeastTaken(v_, options_.scale), [&](std::size_t k, std::size_t r) {
        if (failures_.failed()) return;
        std::unique_ptr<Drawers>& d = drawers_[r];
        if (!d) d = std::make_unique<Drawers>(options_.scale, BandPixels(built_, options_.scale));
        d->wide.SetPngPalette(png_palette_);  // a drawer goes on to the next variant
        d->tall.SetPngPalette(png_palette_);
        Frame(first, k, &c, *d);
        if (k + 1 == n) last_drawer = r;
      });
      if (failures_.failed()) return false;
      std::swap(drawers_.front(), drawers_[last_drawer]);
      // The other drawers' frames are several beats behind the next chunk's
      // runs: drawing from them saves little, and holding them (a wide and
      // a tall frame's runs and a band, per lesson built at once) doubled a
      // course build's memory.
      for (std::size_t r = 1; r < drawers_.size(); ++r) drawers_[r].reset();
      chunk = std::clamp(kChunkBytes / side_by_side_ / std::max<std::size_t>(1, c.HeldBytes() / n), fewest, most);
      if (gif_ && (!frames_gif_->Append(first, &c.indexed, &c.gif_bytes, gif_error) ||
                   !(*gif_write)(frames_gif_->TakeBytes())))
        return false;
    }
    if (!gif_) return true;
    std::string rest;
    return frames_gif_->Finish(&rest, gif_error) && (*gif_write)(rest);
  }

  // A chunk's beats: their GIF frames, coded as soon as the frame before is
  // indexed on the same thread, else at the chunk's end, and appended in
  // order there; and what their files weighed (the next chunk's size is set
  // by it, with what its GIF frames held).
  struct Chunk {
    Chunk(std::size_t n, bool gif)
        : indexed(gif ? n : 0), gif_bytes(gif ? n : 0), drawn(n), file_bytes(n, 0), gif_held(gif ? n : 0, 0) {}
    std::vector<GifIndexFrame> indexed;   // those still needed: not coded, or the frame before one not coded
    std::vector<std::string> gif_bytes;   // empty: not coded yet
    std::vector<std::optional<ColourRuns>> drawn;  // palette beats drawn already
    std::vector<std::size_t> file_bytes;
    std::vector<std::size_t> gif_held;  // per beat, the most its GIF frame held (indexed, then coded)
    std::size_t HeldBytes() const {
      std::size_t held = 0;
      for (const std::size_t bytes : file_bytes) held += bytes;
      for (const std::size_t bytes : gif_held) held += bytes;
      return held;
    }
  };

  bool Tall() const { return !v_.frame_svg_tall.empty(); }

  // Writes one frame's file, as soon as it is made (held until the chunk's
  // end, a photograph's SVG frames were 10 MB of the peak). The first file
  // that cannot be written ends the lesson's frames, told once: on a full
  // disk every later one would fail the same way.
  void WriteNow(const std::vector<std::string>& paths, int beat, const FrameFiller& frame, std::size_t* weighed) {
    if (failures_.failed()) return;
    const std::string& path = paths[static_cast<std::size_t>(beat)];
    std::size_t bytes = 0;
    std::string error;
    const FileFiller fill = [&](const PieceWriter& write, std::string* fill_error) {
      if (frame(write, &bytes)) return true;
      if (bytes == 0) *fill_error = "renderer produced nothing";
      return false;
    };
    const bool written = sink_.PutFrom(path, fill, &error);
    *weighed += bytes;
    if (!written) failures_.Fail("cannot write " + path + ": " + error);
  }

  // Beat first + k of a chunk, drawn by `d` after the beat before; its
  // files written, its GIF frame kept for the chunk's end.
  void Frame(std::size_t first, std::size_t k, Chunk* c, Drawers& d) {
    const int beat = static_cast<int>(first + k);
    std::size_t* weighed = &c->file_bytes[k];
    Scene scene = LayoutBuiltBeat(built_, v_, beat);
    if (svg_) WriteNow(v_.frame_svg, beat, SvgFrame(scene, FrameIdPrefix(v_.slug, beat + 1)), weighed);
    if (png_ || gif_) {
      // A palette beat, drawn already: the drawer only follows it.
      const ColourRuns& runs = c->drawn[k] ? d.wide.Follow(std::move(scene), *std::exchange(c->drawn[k], std::nullopt))
                                           : d.wide.Draw(std::move(scene));
      const bool after_beat_before = d.variant == &v_ && d.beat == beat - 1;
      d.variant = &v_, d.beat = beat;
      if (png_) WriteNow(v_.frame_png, beat, PngFrame(d.wide.Png()), weighed);
      if (gif_) {
        // The GIF frame is coded against the beat before: what the drawer
        // left unchanged holds for it only if it drew that beat last (and
        // so indexed it, on this thread: this chunk's beat before, or the
        // last chunk's last).
        const GifIndexFrame* before = !after_beat_before ? nullptr : k > 0 ? &c->indexed[k - 1] : frames_gif_->last();
        c->indexed[k] = frames_gif_->encoder().Index(runs, before, &d.wide.unchanged_rows());
        if (after_beat_before) c->indexed[k].unchanged = d.wide.unchanged_rows();
        CodeGifFrame(first, k, after_beat_before, c);
      }
    }
    if (!Tall()) return;
    // The same beat for narrow screens (the page's <picture> serves it).
    Scene tall_scene = LayoutBuiltBeat(built_, v_, beat, true);
    if (svg_)
      WriteNow(v_.frame_svg_tall, beat, SvgFrame(tall_scene, FrameIdPrefix(v_.slug, beat + 1) + "tall-"), weighed);
    if (png_) {
      d.tall.Draw(std::move(tall_scene));
      WriteNow(v_.frame_png_tall, beat, PngFrame(d.tall.Png()), weighed);
    }
  }

  // Codes beat first + k's GIF frame, just indexed, where the frame before
  // it is known to be indexed: the chunk's first (against the last chunk's
  // last), or one drawn after the beat before on this thread. (A thread that
  // comes free starts on a beat whose frame before another thread has yet
  // to index: that one is coded at the chunk's end.) Index frames are then
  // let go as soon as no frame left to code needs them: a chunk's waited
  // for its end, two variants' 8 MB of the default lesson's heap.
  void CodeGifFrame(std::size_t first, std::size_t k, bool after_beat_before, Chunk* c) const {
    c->gif_held[k] = IndexFrameBytes(c->indexed[k]);
    if (k > 0 && !after_beat_before) return;
    c->gif_bytes[k] = frames_gif_->FrameBytes(first, k, c->indexed);
    c->gif_held[k] = std::max(c->gif_held[k], c->gif_bytes[k].size());
    // Frame k - 1 was indexed on this thread just before (so nobody else
    // reads it) and, if it is coded, this was its last use. The chunk's last
    // frame is kept: the next chunk's first is coded against it.
    if (k > 0 && !c->gif_bytes[k - 1].empty()) c->indexed[k - 1] = GifIndexFrame();
  }

  const BuiltLesson& built_;
  const BuiltVariant& v_;
  const RenderOptions& options_;
  FileSink& sink_;
  FrameFailures& failures_;
  std::vector<std::unique_ptr<Drawers>>& drawers_;
  const std::size_t side_by_side_;
  const bool svg_, png_, gif_;
  std::optional<FramesGif> frames_gif_;
  VariantColours sample_;  // its sample beats' colours (and runs, until their frames are written)
  std::shared_ptr<const FramePalette> png_palette_;  // the variant's, for its PNG frames (wide and tall)
};

}  // namespace

bool LargeFrames(const BuiltLesson& built, double scale) {
  return std::any_of(built.variants.begin(), built.variants.end(),
                     [scale](const BuiltVariant& v) { return LargeFrames(v, scale); });
}

bool HugeNoisyFrames(const BuiltLesson& built, double scale) {
  constexpr double kHugeFramePixels = 32e6;
  return std::any_of(built.variants.begin(), built.variants.end(), [scale](const BuiltVariant& v) {
    return FramePixels(v, scale) > kHugeFramePixels && ImageCells(*v.variant) > kLargeImageCells;
  });
}

bool WriteFrameFiles(const BuiltLesson& built, const RenderOptions& options, FileSink& sink,
                     std::vector<Diagnostic>* diagnostics) {
  // Frames are laid out and rendered in parallel within the build's -j, a
  // bounded chunk at a time so a 2000-beat lesson never sits in memory whole;
  // each file is written by the thread that made it (its bytes never depend
  // on which thread that was), and the GIF in beat order.
  // Each beat is drawn once, into runs of one colour, for its PNG frame and
  // its GIF frame both. Variants go side by side, each on a thread as one is
  // free (each beat then drawn from the one before: FrameDrawer repaints only
  // the pixels whose scene items changed). A thread left over, or one that
  // comes free later, joins a variant's chunk: it takes the back half of the
  // longest run of beats left (ParallelChain) and draws its first beat
  // whole; the drawer of the chunk's last beat goes on to the next chunk.
  // Variants of photographs or of frames past kMostPixelsTwoAtOnce go one at
  // a time, other large frames two at a time, their beats split between the
  // threads (large frames' not: LeastTaken): each variant in flight holds its
  // drawers' bands, its samples and its GIF's state, which grow with a
  // photograph's noise and with the frame (four variants of a 512x512
  // photograph at --scale 4 peaked at 190 MB side by side, 157 MB in turn;
  // 32 variants of a 230x230 one at 119-149 MB, 129-131 MB in turn).
  const std::size_t threads = static_cast<std::size_t>(std::max(1, Parallelism()));
  FrameFailures failures(diagnostics, built.lesson->path);
  const bool one_at_a_time = std::any_of(built.variants.begin(), built.variants.end(), [&](const BuiltVariant& v) {
    return FramePixels(v, options.scale) > kMostPixelsTwoAtOnce || ImageCells(*v.variant) > kMostCellsSideBySide;
  });
  const std::size_t most_at_once = one_at_a_time ? 1 : LargeFrames(built, options.scale) ? 2 : threads;
  const std::size_t side_by_side = std::min({threads, built.variants.size(), most_at_once});
  // Each of `side_by_side` writers takes the next variant left, its drawers
  // going on from one variant to the next: a variant's first beat is drawn
  // from the one before's last where they share their layout (a
  // photograph's beat drawn whole is costly).
  std::atomic<std::size_t> next{0};
  ParallelFor(side_by_side, [&](std::size_t) {
    std::vector<std::unique_ptr<Drawers>> drawers(threads);  // per worker; made when a worker first needs one
    for (std::size_t i = next++; i < built.variants.size() && !failures.failed(); i = next++)
      VariantFrames(built, built.variants[i], options, sink, failures, &drawers, side_by_side).Write();
  }, failures.flag());
  return !failures.failed();
}

}  // namespace cl
