// The items the soak creates, and what it remembers about them: who owns each, who may see it,
// which tags it carries, and which ones it has deleted.

const FRAMEWORKS = ['pytorch', 'tensorflow', 'mxnet', 'horovod', 'jax'];
const TASKS = ['detection', 'segmentation', 'translation', 'speech', 'recommendation', 'bert'];

/** Words the soak searches for; every one of them occurs in the names and summaries it creates. */
export const SEARCH_WORDS = [...FRAMEWORKS, ...TASKS];

/** Returns a random element of a non-empty array. */
export function pickRandom(values) {
  return values[Math.floor(Math.random() * values.length)];
}

/** Builds a valid OpenPAI job protocol (version 2) of about 1 KB. */
function protocolFor(serial, framework) {
  const commands = Array.from({ length: 12 }, (_, line) => `      - python train.py --framework ${framework} --epoch ${line} --seed ${serial}`);
  return [
    'protocolVersion: 2',
    `name: soak_job_${serial}`,
    'type: job',
    `description: Soak test job ${serial}`,
    'prerequisites:',
    '  - {name: trainer_image, type: dockerimage, uri: tensorflow/tensorflow:2.15.0-gpu}',
    'taskRoles:',
    '  trainer:',
    '    instances: 2',
    '    dockerImage: trainer_image',
    '    resourcePerInstance: {cpu: 2, memoryMB: 4096, gpu: 1}',
    '    commands:',
    ...commands,
    '',
  ].join('\n');
}

function descriptionFor(serial, framework, task, edit = 0) {
  const paragraph = `This template trains a ${framework} ${task} model and reports accuracy after every epoch. `;
  return `# Soak template ${serial}\n\n${paragraph.repeat(6)}\n\nEdited ${edit} times.`;
}

/**
 * Builds the body of `POST /items` for `user`. Most items are public; the rest are private, or
 * shared with one of the owner's groups other than `default` (which every user has). One in five
 * looks like OpenPAI's "save as template": source `pai` and private.
 */
export function newItemRequest(user, serial) {
  const framework = pickRandom(FRAMEWORKS);
  const task = pickRandom(TASKS);
  const sharedGroup = user.groups.find((group) => group !== 'default');
  const draw = Math.random();
  const fromPai = draw < 0.2;
  let visibility = { isPublic: true, isPrivate: false, groupList: [] };
  if (fromPai || draw < 0.3 || (draw < 0.4 && !sharedGroup)) {
    visibility = { isPublic: false, isPrivate: true, groupList: [] };
  } else if (draw < 0.4) {
    visibility = { isPublic: false, isPrivate: false, groupList: [sharedGroup] };
  }

  return {
    name: `Soak ${framework} ${task} ${serial}`,
    author: user.username,
    type: 'template',
    source: fromPai ? 'pai' : 'marketplace',
    summary: `Train ${framework} ${task} models, soak item ${serial}`,
    description: descriptionFor(serial, framework, task),
    protocol: protocolFor(serial, framework),
    ...visibility,
  };
}

/** Builds the body of `PUT /items/{itemId}`: a new summary and description, and now and then a new protocol. */
export function itemUpdateRequest(serial, edit) {
  const framework = pickRandom(FRAMEWORKS);
  const task = pickRandom(TASKS);
  const request = { summary: `Train ${framework} ${task} models, soak item ${serial}, edit ${edit}`, description: descriptionFor(serial, framework, task, edit) };
  if (edit % 4 === 0) {
    request.protocol = protocolFor(serial, framework);
  }
  return request;
}

/**
 * Items the soak created and still believes to exist. An item is `busy` while one of its owner's
 * writes (update, tag link, delete) is outstanding, so the soak never races itself on one item.
 * Other users' reads, stars, uses and copies do race with those writes, as in real use.
 */
export class SoakItems {
  #items = new Map();
  #deleted = new Set();
  #serial = 0;

  nextSerial() {
    this.#serial += 1;
    return this.#serial;
  }

  /** Remembers an item the server confirmed with 201; `serial` is the one its request was built with. */
  add(id, owner, request, serial) {
    this.#items.set(id, {
      id,
      owner,
      serial,
      edits: 0,
      isPublic: request.isPublic,
      isPrivate: request.isPrivate,
      groupList: request.groupList,
      tagIds: new Set(),
      busy: false,
    });
  }

  /** Forgets an item the moment its delete is sent; a 404 for it from then on is expected. */
  markDeleted(id) {
    this.#items.delete(id);
    this.#deleted.add(id);
  }

  wasDeleted(id) {
    return this.#deleted.has(id);
  }

  /** Items `user` may see, by the server's rule: admin, author, public, or shared with one of their groups. */
  visibleTo(user) {
    return [...this.#items.values()].filter((item) =>
      user.admin || item.owner === user.username || (!item.isPrivate && (item.isPublic || item.groupList.some((group) => user.groups.includes(group)))));
  }

  ownedBy(user) {
    return [...this.#items.values()].filter((item) => item.owner === user.username);
  }

  get size() {
    return this.#items.size;
  }

  /** Returns every item still believed to exist, with its owner: what a clean-up has to delete. */
  remaining() {
    return [...this.#items.values()];
  }
}
