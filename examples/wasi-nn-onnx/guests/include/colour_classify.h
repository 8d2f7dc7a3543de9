/*
 * Shared by the ONNX and PyTorch example guests: reads a binary PPM (P6)
 * image, feeds it as float NCHW [1,3,H,W] (values 0..1) to a colour
 * classifier graph through wasi_ephemeral_nn and prints the probabilities of
 * red, green and blue and the winning class.
 */
#ifndef COLOUR_CLASSIFY_H
#define COLOUR_CLASSIFY_H

#include <wasi_ephemeral_nn.h>

#include <stdio.h>
#include <stdlib.h>

static const char *const ColourNames[3] = {"red", "green", "blue"};

/* Reads a P6 PPM with maxval 255 into RGB bytes; exits with a message on failure. */
static uint8_t *read_ppm(const char *Path, uint32_t *Width, uint32_t *Height) {
  FILE *File = fopen(Path, "rb");
  unsigned W = 0, H = 0, Max = 0;
  if (File == NULL || fscanf(File, "P6 %u %u %u", &W, &H, &Max) != 3 || Max != 255 || W == 0 || H == 0 ||
      W > 4096 || H > 4096 || fgetc(File) == EOF) {
    fprintf(stderr, "%s: not a binary PPM (P6, maxval 255). Convert the image, e.g. `convert in.jpg out.ppm`.\n", Path);
    exit(1);
  }
  uint8_t *Pixels = malloc((size_t)W * H * 3);
  if (Pixels == NULL || fread(Pixels, 3, (size_t)W * H, File) != (size_t)W * H) {
    fprintf(stderr, "%s: the image data is truncated.\n", Path);
    exit(1);
  }
  fclose(File);
  *Width = W;
  *Height = H;
  return Pixels;
}

/* Runs Graph on the image at Path and prints the result; returns the errno of the first failing call. */
static int classify_colour(uint32_t Graph, const char *Path) {
  uint32_t Width, Height, Context, Written;
  uint8_t *Pixels = read_ppm(Path, &Width, &Height);
  size_t Plane = (size_t)Width * Height;
  float *Input = malloc(Plane * 3 * sizeof(float));
  for (size_t I = 0; I < Plane; ++I)
    for (int C = 0; C < 3; ++C) Input[C * Plane + I] = Pixels[I * 3 + C] / 255.0f; /* HWC bytes -> CHW floats */
  uint32_t Dims[4] = {1, 3, Height, Width};
  nn_tensor Tensor = {Dims, 4, NN_TYPE_F32, (const uint8_t *)Input, (uint32_t)(Plane * 3 * sizeof(float))};
  float Probabilities[3];
  int32_t E;
  if ((E = nn_init_execution_context(Graph, &Context)) != 0 || (E = nn_set_input(Context, 0, &Tensor)) != 0 ||
      (E = nn_compute(Context)) != 0 ||
      (E = nn_get_output(Context, 0, Probabilities, sizeof(Probabilities), &Written)) != 0) {
    fprintf(stderr, "wasi_ephemeral_nn call failed with errno %d\n", E);
    return E;
  }
  printf("image: %s (%ux%u)\n", Path, Width, Height);
  int Best = 0;
  for (int C = 0; C < 3; ++C) {
    printf("  %-5s %5.1f%%\n", ColourNames[C], Probabilities[C] * 100);
    if (Probabilities[C] > Probabilities[Best]) Best = C;
  }
  printf("class: %s\n", ColourNames[Best]);
  nn_finalize_execution_context(Context);
  free(Input);
  free(Pixels);
  return 0;
}

#endif /* COLOUR_CLASSIFY_H */
