import type { ExampleTemplate } from './example-template';

export const DATA_EXAMPLES: ExampleTemplate[] = [
  {
    id: 'example-data-mnist',
    name: 'MNIST handwritten digits',
    type: 'data',
    summary: '70,000 labelled 28×28 grey-scale digit images in the original IDX format, 11 MB compressed',
    tags: ['MNIST', 'Computer vision', 'Dataset'],
    dataType: 'http',
    dataUrl: 'https://ossci-datasets.s3.amazonaws.com/mnist/',
    description: `# MNIST handwritten digits

60,000 training and 10,000 test images of handwritten digits, 28×28 pixels, grey scale, with
their labels: the usual first dataset for image classification.

## Files

| file | content |
| --- | --- |
| \`train-images-idx3-ubyte.gz\` | training images |
| \`train-labels-idx1-ubyte.gz\` | training labels |
| \`t10k-images-idx3-ubyte.gz\` | test images |
| \`t10k-labels-idx1-ubyte.gz\` | test labels |

## Use in a job

The job below downloads the four files into \`/data/mnist\`, where \`torchvision.datasets.MNIST\`
(with \`root=/data\`) or \`tf.keras.datasets.mnist\` readers can use them. Copy its
\`prerequisites\` entry into your own protocol to reuse it.
`,
    protocol: `protocolVersion: 2
name: mnist_download
type: job
contributor: OpenPAI Marketplace
description: Download the MNIST dataset into /data/mnist.
prerequisites:
  - name: tools_image
    type: dockerimage
    uri: python:3.11-slim
  - name: mnist
    type: data
    uri:
      - https://ossci-datasets.s3.amazonaws.com/mnist/train-images-idx3-ubyte.gz
      - https://ossci-datasets.s3.amazonaws.com/mnist/train-labels-idx1-ubyte.gz
      - https://ossci-datasets.s3.amazonaws.com/mnist/t10k-images-idx3-ubyte.gz
      - https://ossci-datasets.s3.amazonaws.com/mnist/t10k-labels-idx1-ubyte.gz
taskRoles:
  download:
    instances: 1
    dockerImage: tools_image
    data: mnist
    resourcePerInstance:
      cpu: 1
      memoryMB: 2048
      gpu: 0
    commands:
      - mkdir -p /data/mnist/MNIST/raw && cd /data/mnist/MNIST/raw
      - >-
        for file in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte;
        do python -c "import sys, urllib.request as r; r.urlretrieve(sys.argv[1], sys.argv[2])"
        https://ossci-datasets.s3.amazonaws.com/mnist/$file.gz $file.gz; done
      - ls -l
defaults:
  virtualCluster: default
`,
  },
  {
    id: 'example-data-cifar10',
    name: 'CIFAR-10 images',
    type: 'data',
    summary: '60,000 labelled 32×32 colour images in ten classes, Python pickle format, 163 MB compressed',
    tags: ['CIFAR-10', 'Computer vision', 'Dataset'],
    dataType: 'http',
    dataUrl: 'https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz',
    description: `# CIFAR-10 images

60,000 colour images of 32×32 pixels in ten classes (aeroplane, car, bird, cat, deer, dog,
frog, horse, ship, lorry), 6,000 per class: 50,000 for training and 10,000 for testing.

## Format

One archive, \`cifar-10-python.tar.gz\`, holding five training batches and one test batch as
Python pickles. \`torchvision.datasets.CIFAR10(root=...)\` and
\`tf.keras.datasets.cifar10\` read it directly.

## Use in a job

The job below unpacks the archive into \`/data/cifar10\`. Mount a shared storage at \`/data\`
to download it once for every later job of your team.
`,
    protocol: `protocolVersion: 2
name: cifar10_download
type: job
contributor: OpenPAI Marketplace
description: Download and unpack CIFAR-10 into /data/cifar10.
prerequisites:
  - name: tools_image
    type: dockerimage
    uri: python:3.11-slim
  - name: cifar10
    type: data
    uri:
      - https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz
taskRoles:
  download:
    instances: 1
    dockerImage: tools_image
    data: cifar10
    resourcePerInstance:
      cpu: 1
      memoryMB: 2048
      gpu: 0
    commands:
      - mkdir -p /data/cifar10 && cd /data/cifar10
      - python -c "import urllib.request as r; r.urlretrieve('https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz', 'cifar-10-python.tar.gz')"
      - tar xzf cifar-10-python.tar.gz && rm cifar-10-python.tar.gz
      - ls -l cifar-10-batches-py
defaults:
  virtualCluster: default
`,
  },
];
