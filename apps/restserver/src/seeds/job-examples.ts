import type { ExampleTemplate } from './example-template';

export const JOB_EXAMPLES: ExampleTemplate[] = [
  {
    id: 'example-pytorch-mnist',
    name: 'PyTorch MNIST on one GPU',
    type: 'template',
    summary: 'Train a small convolutional network on MNIST with PyTorch, the quickest way to check a GPU job end to end',
    tags: ['PyTorch', 'MNIST', 'Single GPU'],
    description: `# PyTorch MNIST on one GPU

A first job for a new cluster user: it trains a two-layer convolutional network on the MNIST
handwritten digits and prints the test accuracy after each epoch (about 99% after three).

## What it does

1. Installs \`torchvision\` into the PyTorch image.
2. Downloads MNIST (about 12 MB) into the container.
3. Trains for \`epochs\` epochs on one GPU and saves the weights to \`/tmp/output/mnist_cnn.pt\`.

## Parameters

| parameter | default | meaning |
| --- | --- | --- |
| \`epochs\` | 3 | passes over the training set |
| \`batchSize\` | 64 | images per step |

## Using your own storage

Results in \`/tmp/output\` disappear with the container. Mount a storage of your virtual
cluster (OpenPAI's storage plugin in the submission page) and change the last command to move
\`mnist_cnn.pt\` there.
`,
    protocol: `protocolVersion: 2
name: pytorch_mnist
type: job
contributor: OpenPAI Marketplace
description: Train a convolutional network on MNIST with PyTorch on one GPU.
parameters:
  epochs: 3
  batchSize: 64
prerequisites:
  - name: pytorch_image
    type: dockerimage
    uri: pytorch/pytorch:2.1.2-cuda12.1-cudnn8-runtime
taskRoles:
  trainer:
    instances: 1
    dockerImage: pytorch_image
    resourcePerInstance:
      cpu: 4
      memoryMB: 16384
      gpu: 1
    commands:
      - pip install --quiet torchvision
      - mkdir -p /tmp/output
      - python -c "import torch; print('CUDA available:', torch.cuda.is_available())"
      - >-
        curl -fsSL -o mnist_train.py
        https://raw.githubusercontent.com/pytorch/examples/main/mnist/main.py
      - >-
        python mnist_train.py --epochs <% $parameters.epochs %>
        --batch-size <% $parameters.batchSize %> --save-model
      - mv mnist_cnn.pt /tmp/output/
defaults:
  virtualCluster: default
`,
  },
  {
    id: 'example-pytorch-ddp-multinode',
    name: 'PyTorch DistributedDataParallel across two nodes',
    type: 'template',
    summary: 'Data-parallel training over two nodes and four GPUs with torchrun and NCCL, using the PyTorch multi-node tutorial script',
    tags: ['PyTorch', 'Distributed', 'DDP'],
    description: `# PyTorch DistributedDataParallel across two nodes

Runs the multi-node script of PyTorch's DDP tutorial on two task instances of two GPUs each:
four processes in all, one per GPU, training a small model on generated data. Use it to check
that distributed training works on your cluster before moving your own code onto it.

## How the processes find each other

OpenPAI starts the instances of the \`worker\` role together and tells each one, through
environment variables, its index (\`PAI_TASK_INDEX\`) and the address of instance 0. The job
passes these to \`torchrun\`, which starts one process per GPU and sets up the NCCL process
group over the port \`rdzv\` that OpenPAI reserved.

## Scaling

Change \`instances\` and \`gpu\` together with \`--nnodes\` and \`--nproc_per_node\`. The
effective batch size is \`batchSize\` times the number of processes.

## Network

NCCL is fastest over InfiniBand or RoCE. If the job hangs at start-up, look for
\`NCCL WARN\` lines in the log: the nodes usually cannot reach each other on the chosen interface.
`,
    protocol: `protocolVersion: 2
name: pytorch_ddp_multinode
type: job
contributor: OpenPAI Marketplace
description: DistributedDataParallel over two nodes with torchrun and NCCL.
parameters:
  epochs: 10
  saveEvery: 5
  batchSize: 32
prerequisites:
  - name: pytorch_image
    type: dockerimage
    uri: pytorch/pytorch:2.1.2-cuda12.1-cudnn8-runtime
taskRoles:
  worker:
    instances: 2
    completion:
      minFailedInstances: 1
      minSucceededInstances: 2
    dockerImage: pytorch_image
    resourcePerInstance:
      cpu: 16
      memoryMB: 65536
      gpu: 2
      ports:
        rdzv: 1
    extraContainerOptions:
      shmMB: 8192
    commands:
      - apt-get update && apt-get install -y --no-install-recommends git
      - git clone --depth 1 https://github.com/pytorch/examples.git
      - cd examples/distributed/ddp-tutorial-series
      - export NCCL_DEBUG=INFO
      - >-
        torchrun --nnodes 2 --nproc_per_node 2
        --node_rank $PAI_TASK_INDEX
        --master_addr $PAI_HOST_IP_worker_0
        --master_port $PAI_worker_0_rdzv_PORT
        multinode.py <% $parameters.epochs %> <% $parameters.saveEvery %>
        --batch_size <% $parameters.batchSize %>
defaults:
  virtualCluster: default
extras:
  com.microsoft.pai.runtimeplugin:
    - plugin: ssh
      parameters:
        jobssh: true
`,
  },
  {
    id: 'example-tensorflow-keras',
    name: 'TensorFlow 2 Keras image classifier',
    type: 'template',
    summary: 'Train a small convolutional network on CIFAR-10 with TensorFlow 2 and Keras on one GPU',
    tags: ['TensorFlow', 'Keras', 'CIFAR-10'],
    description: `# TensorFlow 2 Keras image classifier

A complete Keras training job in one template: the script is written into the container by the
job itself, so you can copy it, change the model and submit again. It trains a small
convolutional network on CIFAR-10 (downloaded by Keras, about 170 MB) and reaches roughly 70%
validation accuracy in ten epochs.

## Output

The job prints the validation accuracy per epoch and saves the model in the Keras format to
\`/tmp/output/cifar10.keras\`. Mount a storage there to keep it.

## Memory

TensorFlow reserves all GPU memory by default; the job sets
\`TF_FORCE_GPU_ALLOW_GROWTH=true\` so that the memory shown in OpenPAI's job page reflects what
the model really uses.
`,
    protocol: `protocolVersion: 2
name: tensorflow_keras_cifar10
type: job
contributor: OpenPAI Marketplace
description: Train a small convolutional network on CIFAR-10 with TensorFlow 2 and Keras.
parameters:
  epochs: 10
prerequisites:
  - name: tensorflow_image
    type: dockerimage
    uri: tensorflow/tensorflow:2.15.0-gpu
taskRoles:
  trainer:
    instances: 1
    dockerImage: tensorflow_image
    resourcePerInstance:
      cpu: 4
      memoryMB: 16384
      gpu: 1
    commands:
      - export TF_FORCE_GPU_ALLOW_GROWTH=true
      - mkdir -p /tmp/output
      - |
        cat > train.py <<'PY'
        import sys
        import tensorflow as tf
        (x_train, y_train), (x_test, y_test) = tf.keras.datasets.cifar10.load_data()
        x_train, x_test = x_train / 255.0, x_test / 255.0
        model = tf.keras.Sequential([
            tf.keras.layers.Conv2D(32, 3, activation='relu', input_shape=(32, 32, 3)),
            tf.keras.layers.MaxPooling2D(),
            tf.keras.layers.Conv2D(64, 3, activation='relu'),
            tf.keras.layers.MaxPooling2D(),
            tf.keras.layers.Flatten(),
            tf.keras.layers.Dense(64, activation='relu'),
            tf.keras.layers.Dense(10),
        ])
        model.compile(optimizer='adam',
                      loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                      metrics=['accuracy'])
        model.fit(x_train, y_train, epochs=int(sys.argv[1]), validation_data=(x_test, y_test))
        model.save('/tmp/output/cifar10.keras')
        PY
      - python train.py <% $parameters.epochs %>
defaults:
  virtualCluster: default
`,
  },
  {
    id: 'example-horovod-tensorflow',
    name: 'Horovod with TensorFlow on several nodes',
    type: 'template',
    summary: 'Synthetic ResNet-50 benchmark with Horovod and MPI, to measure multi-node training throughput',
    tags: ['Horovod', 'TensorFlow', 'Distributed', 'Benchmark'],
    description: `# Horovod with TensorFlow on several nodes

Measures how fast your cluster trains across nodes: Horovod's synthetic ResNet-50 benchmark
reports images per second per GPU and in total, with no dataset to download.

## Roles

- \`launcher\` (one instance) runs \`horovodrun\`, which starts the training processes over SSH.
- \`worker\` (two instances) wait for the launcher. OpenPAI's SSH plugin lets the instances
  reach each other; \`sshbarrier\` holds the launcher until every worker is up.

## Reading the result

Compare the total images per second with two times the single-node figure: the closer, the
better the network between the nodes. A large gap usually means the job fell back to TCP; check
that NCCL found the InfiniBand devices in the log (\`NCCL_DEBUG=INFO\`).
`,
    protocol: `protocolVersion: 2
name: horovod_tensorflow_benchmark
type: job
contributor: OpenPAI Marketplace
description: Horovod synthetic ResNet-50 benchmark across two worker nodes.
parameters:
  batchSize: 64
prerequisites:
  - name: horovod_image
    type: dockerimage
    uri: horovod/horovod:0.28.1
taskRoles:
  launcher:
    instances: 1
    dockerImage: horovod_image
    resourcePerInstance:
      cpu: 2
      memoryMB: 4096
      gpu: 0
    commands:
      - >-
        horovodrun -np 8 -H worker-0:4,worker-1:4
        -x NCCL_DEBUG=INFO
        python /horovod/examples/tensorflow2/tensorflow2_synthetic_benchmark.py
        --batch-size <% $parameters.batchSize %>
  worker:
    instances: 2
    dockerImage: horovod_image
    resourcePerInstance:
      cpu: 16
      memoryMB: 65536
      gpu: 4
    commands:
      - sleep infinity
defaults:
  virtualCluster: default
extras:
  com.microsoft.pai.runtimeplugin:
    - plugin: ssh
      parameters:
        jobssh: true
        sshbarrier: true
`,
  },
  {
    id: 'example-bert-finetune',
    name: 'Fine-tune BERT for text classification',
    type: 'template',
    summary: 'Fine-tune bert-base-uncased on a GLUE task with Hugging Face Transformers and mixed precision',
    tags: ['PyTorch', 'NLP', 'BERT', 'Transformers'],
    description: `# Fine-tune BERT for text classification

Fine-tunes \`bert-base-uncased\` on a GLUE task (SST-2, sentiment of movie reviews, by default)
with the Hugging Face \`run_glue.py\` script, in mixed precision on one GPU.

## Parameters

| parameter | default | meaning |
| --- | --- | --- |
| \`task\` | sst2 | any GLUE task name: cola, mrpc, qnli, rte, sst2, stsb… |
| \`epochs\` | 3 | training epochs |

## Model and data downloads

The model and the dataset come from the Hugging Face Hub at run time. On a cluster without
internet access, point \`HF_ENDPOINT\` at your mirror, or use the *GLUE benchmark* data template
and pass \`--train_file\` instead of \`--task_name\`.
`,
    protocol: `protocolVersion: 2
name: bert_glue_finetune
type: job
contributor: OpenPAI Marketplace
description: Fine-tune bert-base-uncased on a GLUE task with Transformers.
parameters:
  task: sst2
  epochs: 3
prerequisites:
  - name: pytorch_image
    type: dockerimage
    uri: pytorch/pytorch:2.1.2-cuda12.1-cudnn8-runtime
taskRoles:
  trainer:
    instances: 1
    dockerImage: pytorch_image
    resourcePerInstance:
      cpu: 8
      memoryMB: 32768
      gpu: 1
    commands:
      - pip install --quiet transformers datasets evaluate accelerate scikit-learn
      - >-
        curl -fsSL -o run_glue.py
        https://raw.githubusercontent.com/huggingface/transformers/v4.36.2/examples/pytorch/text-classification/run_glue.py
      - >-
        python run_glue.py --model_name_or_path bert-base-uncased
        --task_name <% $parameters.task %> --do_train --do_eval --fp16
        --num_train_epochs <% $parameters.epochs %>
        --output_dir /tmp/output/bert-<% $parameters.task %>
defaults:
  virtualCluster: default
`,
  },
  {
    id: 'example-jupyterlab',
    name: 'JupyterLab on a GPU',
    type: 'template',
    summary: 'An interactive JupyterLab session with one GPU, reachable on a port OpenPAI assigns',
    tags: ['Jupyter', 'Interactive', 'PyTorch'],
    description: `# JupyterLab on a GPU

Starts JupyterLab in the PyTorch image and keeps it running until you stop the job, for
exploring data or debugging a model interactively.

## Connecting

1. Open the job's page in OpenPAI once it runs and note the task's IP and the port named
   \`jupyter\`.
2. Browse to \`http://<ip>:<port>/lab\` and enter the token printed at the end of the log
   (\`jupyterToken\` defaults to a value you should change before submitting).

## Stop it when you are done

An idle notebook still holds its GPU. The job stops itself after \`hours\` hours.
`,
    protocol: `protocolVersion: 2
name: jupyterlab_gpu
type: job
contributor: OpenPAI Marketplace
description: JupyterLab with one GPU, stopped after a set number of hours.
parameters:
  hours: 8
  jupyterToken: change-me
prerequisites:
  - name: pytorch_image
    type: dockerimage
    uri: pytorch/pytorch:2.1.2-cuda12.1-cudnn8-runtime
taskRoles:
  notebook:
    instances: 1
    dockerImage: pytorch_image
    resourcePerInstance:
      cpu: 4
      memoryMB: 16384
      gpu: 1
      ports:
        jupyter: 1
    commands:
      - pip install --quiet jupyterlab
      - >-
        timeout <% $parameters.hours %>h jupyter lab --ip 0.0.0.0 --no-browser --allow-root
        --port $PAI_CONTAINER_HOST_jupyter_PORT_LIST
        --ServerApp.token=<% $parameters.jupyterToken %>
defaults:
  virtualCluster: default
`,
  },
  {
    id: 'example-batch-inference-onnx',
    name: 'Batch inference with ONNX Runtime',
    type: 'template',
    summary: 'Classify a folder of images with a ResNet-50 ONNX model on the GPU and write the labels to CSV',
    tags: ['ONNX', 'Inference', 'Computer vision'],
    description: `# Batch inference with ONNX Runtime

Runs an exported ResNet-50 over every image of an input folder with ONNX Runtime's CUDA
provider and writes one line per image (\`file,label,score\`, the label as an ImageNet class
index) to \`predictions.csv\`. The script is written into the container by the job, so you can
adapt the pre-processing to another model.

## Inputs

- \`modelUrl\`: an ONNX image classifier with 224×224 RGB input.
- \`inputDir\` and \`outputDir\`: folders on a storage mounted into the job.

## Throughput

One GPU classifies a few thousand images per minute; reading the images is usually the
bottleneck. Raise \`cpu\` if the GPU utilisation in OpenPAI's job metrics stays low.
`,
    protocol: `protocolVersion: 2
name: onnx_batch_inference
type: job
contributor: OpenPAI Marketplace
description: Classify a folder of images with ONNX Runtime on one GPU.
parameters:
  modelUrl: https://github.com/onnx/models/raw/main/validated/vision/classification/resnet/model/resnet50-v2-7.onnx
  inputDir: /mnt/data/images
  outputDir: /mnt/data/predictions
prerequisites:
  - name: onnx_image
    type: dockerimage
    uri: mcr.microsoft.com/azureml/onnxruntime:latest-cuda
taskRoles:
  inference:
    instances: 1
    dockerImage: onnx_image
    resourcePerInstance:
      cpu: 8
      memoryMB: 16384
      gpu: 1
    commands:
      - pip install --quiet pillow numpy
      - curl -fsSL -o /tmp/model.onnx <% $parameters.modelUrl %>
      - mkdir -p <% $parameters.outputDir %>
      - |
        cat > classify.py <<'PY'
        import csv, pathlib, sys
        import numpy as np, onnxruntime as ort
        from PIL import Image
        model, source, target = sys.argv[1:4]
        session = ort.InferenceSession(model, providers=['CUDAExecutionProvider', 'CPUExecutionProvider'])
        name = session.get_inputs()[0].name
        mean, std = np.array([0.485, 0.456, 0.406]), np.array([0.229, 0.224, 0.225])
        with open(target, 'w', newline='') as output:
            writer = csv.writer(output)
            writer.writerow(['file', 'label', 'score'])
            for path in sorted(pathlib.Path(source).glob('*')):
                image = Image.open(path).convert('RGB').resize((224, 224))
                pixels = ((np.asarray(image) / 255.0 - mean) / std).transpose(2, 0, 1)[None].astype(np.float32)
                scores = session.run(None, {name: pixels})[0][0]
                probabilities = np.exp(scores - scores.max()) / np.exp(scores - scores.max()).sum()
                writer.writerow([path.name, int(probabilities.argmax()), float(probabilities.max())])
        PY
      - >-
        python classify.py /tmp/model.onnx <% $parameters.inputDir %>
        <% $parameters.outputDir %>/predictions.csv
defaults:
  virtualCluster: default
`,
  },
];
