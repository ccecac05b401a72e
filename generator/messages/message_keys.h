// The typed set of message keys: one per message of a catalogue
// (generator/messages/<language>.msg). Code names a message as Msg::<key>, so
// a misspelt key does not compile; tests/messages checks that every catalogue
// has exactly these keys, so a missing translation fails the tests, not a build
// at a teacher's desk. Add a key here and to every catalogue together.
#pragma once

#include <cstddef>

#define CL_MESSAGE_KEYS(X) \
  X(list_and) \
  X(range) \
  X(values_all) \
  X(values_from_to) \
  X(values_one_value) \
  X(values_range) \
  X(n_values) \
  X(padding_none) \
  X(padding_same_none_needed) \
  X(padding_same_even) \
  X(padding_zero_even) \
  X(padding_same_axes) \
  X(padding_zero_axes) \
  X(padding_same_sides) \
  X(padding_zero_sides) \
  X(stride) \
  X(stride_axes) \
  X(dilation) \
  X(dilation_axes) \
  X(pool_settings_max) \
  X(pool_settings_average) \
  X(pool_settings_keep_partial) \
  X(activation_relu) \
  X(activation_leaky_relu) \
  X(activation_none) \
  X(stage_intro) \
  X(stage_conv) \
  X(stage_pool_max) \
  X(stage_pool_average) \
  X(stage_summary) \
  X(step_of) \
  X(heading_position) \
  X(heading_part) \
  X(heading_introduction) \
  X(heading_start) \
  X(heading_activation) \
  X(heading_nonlinearity) \
  X(heading_pooling) \
  X(heading_result) \
  X(heading_small_words) \
  X(intro_caption) \
  X(intro_caption_settings) \
  X(intro_description) \
  X(intro_activation_follows) \
  X(intro_then_pooling) \
  X(intro_activation_then_pooling) \
  X(conv_cell_caption) \
  X(conv_cell_in_padding) \
  X(conv_cell_covers) \
  X(conv_cell_covers_padded) \
  X(conv_cell_window) \
  X(conv_cell_window_dilated) \
  X(conv_cell_products) \
  X(conv_row_caption) \
  X(conv_rows_caption) \
  X(conv_row_description) \
  X(conv_rows_description) \
  X(activation_caption_none_negative) \
  X(activation_caption_scales) \
  X(activation_caption_clears) \
  X(activation_description_scales) \
  X(activation_description_clears) \
  X(pool_cell_empty_caption) \
  X(pool_cell_empty_description) \
  X(pool_cell_caption_max) \
  X(pool_cell_caption_average) \
  X(pool_cell_description_max) \
  X(pool_cell_description_max_clipped) \
  X(pool_cell_description_average) \
  X(pool_cell_description_average_clipped) \
  X(pool_row_caption) \
  X(pool_rows_caption) \
  X(pool_row_description_max) \
  X(pool_rows_description_max) \
  X(pool_row_description_average) \
  X(pool_rows_description_average) \
  X(summary_image) \
  X(summary_feature_map) \
  X(summary_pooled_max) \
  X(summary_pooled_average) \
  X(summary_description) \
  X(summary_activation_clears) \
  X(summary_activation_scales) \
  X(summary_pooling) \
  X(anim_introductions) \
  X(anim_conv_steps) \
  X(anim_activation_steps) \
  X(anim_pool_steps) \
  X(anim_summaries) \
  X(anim_description) \
  X(anim_last_step) \
  X(panel_image) \
  X(panel_image_padding) \
  X(panel_image_padded) \
  X(panel_filter) \
  X(panel_feature_map) \
  X(panel_activated) \
  X(panel_pooled_max) \
  X(panel_pooled_average) \
  X(panel_products) \
  X(legend_image) \
  X(legend_maps) \
  X(legend_weights) \
  X(group_legend) \
  X(group_products) \
  X(group_product) \
  X(group_filter_window) \
  X(group_activation_changed) \
  X(group_pool_window) \

namespace cl {

enum class Msg : std::size_t {
#define CL_MESSAGE_ENUM(key) key,
  CL_MESSAGE_KEYS(CL_MESSAGE_ENUM)
#undef CL_MESSAGE_ENUM
};

}  // namespace cl
