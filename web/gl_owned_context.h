// invitekit admin page: compiled into Dear ImGui's OpenGL3 renderer only (forced include, see
// web/CMakeLists.txt), which is otherwise used unmodified.
//
// The renderer reads the GL state it is about to change before each frame and restores it after,
// so that it can draw inside someone else's engine. The page owns its WebGL context: nothing else
// draws in it, and the renderer sets every state it needs at the start of each frame. The reads
// are not free in a browser: each is a synchronous round trip to the GPU process, which first
// finishes what was queued — with software WebGL, rasterizing the previous frame.
//
// So the state a frame saves is not read: it is answered with GL's initial values (nothing bound,
// texture unit 0, no capability enabled, blending ONE/ZERO/ADD), which the renderer then restores
// after the frame — the state the page starts each frame from. Every other query goes to GL.
#pragma once

#include <GLES3/gl3.h>

inline void invitekit_gl_get_integerv(GLenum name, GLint* data) {
  switch (name) {
    case GL_ACTIVE_TEXTURE:
      *data = GL_TEXTURE0;
      return;
    case GL_CURRENT_PROGRAM:
    case GL_TEXTURE_BINDING_2D:
    case GL_SAMPLER_BINDING:
    case GL_ARRAY_BUFFER_BINDING:
    case GL_ELEMENT_ARRAY_BUFFER_BINDING:
    case GL_VERTEX_ARRAY_BINDING:
      *data = 0;
      return;
    case GL_BLEND_SRC_RGB:
    case GL_BLEND_SRC_ALPHA:
      *data = GL_ONE;
      return;
    case GL_BLEND_DST_RGB:
    case GL_BLEND_DST_ALPHA:
      *data = GL_ZERO;
      return;
    case GL_BLEND_EQUATION_RGB:
    case GL_BLEND_EQUATION_ALPHA:
      *data = GL_FUNC_ADD;
      return;
    case GL_VIEWPORT:  // the page sets the viewport before each frame it draws
    case GL_SCISSOR_BOX:
      data[0] = data[1] = data[2] = data[3] = 0;
      return;
    default:
      glGetIntegerv(name, data);
  }
}

inline GLboolean invitekit_gl_is_enabled(GLenum) { return GL_FALSE; }

#define glGetIntegerv invitekit_gl_get_integerv
#define glIsEnabled invitekit_gl_is_enabled
