/* The binary's entry points to the graphics libraries (symbols.def), for
 * x86-64: each jumps to its function's address in its slot; while the slot
 * is empty it first has the libraries loaded (loaded_lazily.cc), keeping
 * every argument register. They are hidden: the libraries never see them,
 * and call each other directly. */

#define GRAPHICS_FUNCTION(name)                                       \
  .section .bss.convlesson_graphics_slots, "aw", @nobits;              \
  .balign 8;                                                           \
  .globl convlesson_graphics_slot_##name;                              \
  .hidden convlesson_graphics_slot_##name;                             \
  convlesson_graphics_slot_##name: .zero 8;                            \
  .text;                                                               \
  .balign 16;                                                          \
  .globl name;                                                         \
  .hidden name;                                                        \
  .type name, @function;                                               \
  name: .cfi_startproc;                                                \
  movq convlesson_graphics_slot_##name(%rip), %r11;                    \
  testq %r11, %r11;                                                    \
  jz 1f;                                                               \
  jmp *%r11;                                                           \
  1: call convlesson_graphics_wait;                                    \
  jmp name;                                                            \
  .cfi_endproc;                                                        \
  .size name, . - name;

#include "graphics_libraries/symbols.def"

/* Called by a trampoline whose slot is empty, so with the stack 16-byte
 * aligned: saves the registers that may carry arguments (%rax: the vector
 * registers a variadic call uses, g_object_new's), has the libraries loaded,
 * and restores them. */
  .text
  .balign 16
  .type convlesson_graphics_wait, @function
convlesson_graphics_wait:
  .cfi_startproc
  subq $192, %rsp
  .cfi_adjust_cfa_offset 192
  movaps %xmm0, 0(%rsp)
  movaps %xmm1, 16(%rsp)
  movaps %xmm2, 32(%rsp)
  movaps %xmm3, 48(%rsp)
  movaps %xmm4, 64(%rsp)
  movaps %xmm5, 80(%rsp)
  movaps %xmm6, 96(%rsp)
  movaps %xmm7, 112(%rsp)
  movq %rdi, 128(%rsp)
  movq %rsi, 136(%rsp)
  movq %rdx, 144(%rsp)
  movq %rcx, 152(%rsp)
  movq %r8, 160(%rsp)
  movq %r9, 168(%rsp)
  movq %rax, 176(%rsp)
  movq %r10, 184(%rsp)
  call convlesson_graphics_load_or_exit
  movaps 0(%rsp), %xmm0
  movaps 16(%rsp), %xmm1
  movaps 32(%rsp), %xmm2
  movaps 48(%rsp), %xmm3
  movaps 64(%rsp), %xmm4
  movaps 80(%rsp), %xmm5
  movaps 96(%rsp), %xmm6
  movaps 112(%rsp), %xmm7
  movq 128(%rsp), %rdi
  movq 136(%rsp), %rsi
  movq 144(%rsp), %rdx
  movq 152(%rsp), %rcx
  movq 160(%rsp), %r8
  movq 168(%rsp), %r9
  movq 176(%rsp), %rax
  movq 184(%rsp), %r10
  addq $192, %rsp
  .cfi_adjust_cfa_offset -192
  ret
  .cfi_endproc
  .size convlesson_graphics_wait, . - convlesson_graphics_wait

/* No executable stack. */
  .section .note.GNU-stack, "", @progbits
