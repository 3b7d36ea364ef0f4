/*
 * The /mitmachen form: town → district search, the "Person hinzufügen" repeater, the resumable video upload (tus,
 * through tus-js-client loaded before this file) and sending the story to POST /api/v1/submissions.
 * Plain browser JavaScript without a build step. The checks here only spare the person a round trip: the server
 * checks everything again and its answer (details.errors[].path) is shown the same way.
 */
(function () {
  'use strict';

  var form = document.getElementById('submission-form');
  if (!form) return;

  var options = JSON.parse(form.getAttribute('data-options'));
  var byId = function (id) { return document.getElementById(id); };
  var both = function (de, en) { return de + ' / ' + en; };
  var CHUNK_BYTES = 8 * 1024 * 1024;
  var RETRY_DELAYS = [0, 1000, 3000, 5000, 10000, 20000, 30000, 60000];

  var state = {
    dirty: false,
    done: false,
    sending: false,
    waitingForUpload: false,
    upload: null,
    uploadUrl: null,
    uploadedFile: null,
    nextPerson: 0,
  };

  /* ---------- small helpers ---------- */

  function checked(id) {
    var input = byId(id);
    return Boolean(input && input.checked);
  }

  function value(id) {
    var input = byId(id);
    return input ? input.value.trim() : '';
  }

  function radioValue(name) {
    var input = form.querySelector('input[name="' + name + '"]:checked');
    return input ? input.value : '';
  }

  function megabytes(bytes) {
    return (bytes / (1024 * 1024)).toLocaleString('de-DE', { maximumFractionDigits: 1 }) + ' MB';
  }

  function extensionOf(name) {
    var match = /\.([^.]+)$/.exec(name || '');
    return match ? match[1].toLowerCase() : '';
  }

  function formatsText(extensions) {
    return extensions.map(function (e) { return e.replace(/^\./, '').toUpperCase(); }).join(', ');
  }

  function allowedFile(file, limits) {
    var ext = '.' + extensionOf(file.name);
    return limits.extensions.indexOf(ext) !== -1 || limits.mimeTypes.indexOf(file.type) !== -1;
  }

  /* ---------- video: which branch ---------- */

  function showVideoBranch() {
    var choice = radioValue('videoChoice');
    form.querySelectorAll('.video-branch').forEach(function (branch) {
      branch.hidden = branch.getAttribute('data-branch') !== choice;
    });
    if ((choice === 'file' || choice === 'youtube') && peopleSections().length === 0) addPerson(false);
  }

  form.querySelectorAll('input[name="videoChoice"]').forEach(function (radio) {
    radio.addEventListener('change', showVideoBranch);
  });

  /* ---------- town → district ---------- */

  var placeBox = form.querySelector('.place-search');
  var placeInput = byId('place');
  var placeStatus = byId('place-status');
  var placeResults = byId('place-results');
  var regionSelect = byId('region');
  var places = null;

  function normalise(text) {
    return text
      .toLowerCase()
      .replace(/ß/g, 'ss')
      .replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u')
      .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }

  function regionOption(key) {
    return regionSelect.querySelector('option[data-key="' + key + '"]');
  }

  function loadPlaces() {
    if (places) return places;
    places = fetch(placeBox.getAttribute('data-places'))
      .then(function (response) {
        if (!response.ok) throw new Error('places: HTTP ' + response.status);
        return response.json();
      })
      .then(function (file) {
        return file.places.map(function (row) { return { name: row[0], key: row[1], index: normalise(row[0]) }; });
      })
      .catch(function () {
        places = null;
        return [];
      });
    return places;
  }

  function choosePlace(place) {
    var option = regionOption(place.key);
    if (!option) return;
    regionSelect.value = option.value;
    placeInput.value = place.name;
    placeResults.hidden = true;
    placeResults.innerHTML = '';
    placeStatus.textContent = place.name + ': ' + option.textContent + ' ist ausgewählt. / selected.';
    clearFieldError('region');
  }

  function searchPlaces() {
    var query = normalise(placeInput.value);
    placeResults.innerHTML = '';
    if (query.length < 2) {
      placeResults.hidden = true;
      placeStatus.textContent = '';
      return;
    }
    loadPlaces().then(function (list) {
      if (normalise(placeInput.value) !== query) return;
      var starts = list.filter(function (p) { return p.index.indexOf(query) === 0; });
      var contains = list.filter(function (p) { return p.index.indexOf(query) > 0 && p.index.indexOf(' ' + query) !== -1; });
      var found = starts.concat(contains).slice(0, 8);
      found.forEach(function (place) {
        var option = regionOption(place.key);
        if (!option) return;
        var item = document.createElement('li');
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'place-result';
        button.textContent = place.name + ' → ' + option.textContent;
        button.addEventListener('click', function () { choosePlace(place); regionSelect.focus(); });
        item.appendChild(button);
        placeResults.appendChild(item);
      });
      placeResults.hidden = found.length === 0;
      placeStatus.textContent = found.length
        ? (found.length === 1 ? '1 Ort gefunden. / 1 town found.' : found.length + ' Orte gefunden. / ' + found.length + ' towns found.')
        : 'Ort nicht gefunden? Bitte wählen Sie unten den Landkreis. / Town not found? Please choose the district below.';
    });
  }

  if (placeBox) {
    placeBox.hidden = false;
    placeInput.addEventListener('focus', loadPlaces);
    placeInput.addEventListener('input', searchPlaces);
    placeInput.addEventListener('keydown', function (event) {
      if (event.key !== 'Enter') return;
      // Enter picks the first town instead of sending the whole form half-filled.
      event.preventDefault();
      var first = placeResults.querySelector('button');
      if (first) first.click();
    });
  }

  /* ---------- people shown ---------- */

  var peopleBox = byId('people');
  var template = byId('person-template');
  var addButton = byId('add-person');

  function peopleSections() {
    return Array.prototype.slice.call(peopleBox.querySelectorAll('.person'));
  }

  function renumberPeople() {
    peopleSections().forEach(function (section, position) {
      section.querySelectorAll('.person-number').forEach(function (span) { span.textContent = String(position + 1); });
    });
  }

  function showAgeParts(section) {
    var index = section.getAttribute('data-person');
    var age = radioValue('person-' + index + '-age');
    section.querySelector('.person-minor').hidden = !(age === 'minor14' || age === 'child');
    byId('person-' + index + '-ownConsentGroup').hidden = age !== 'minor14';
  }

  function addPerson(focus) {
    var index = state.nextPerson++;
    var html = template.innerHTML.replace(/__i__/g, String(index)).replace(/__n__/g, String(peopleSections().length + 1));
    var holder = document.createElement('div');
    holder.innerHTML = html;
    var section = holder.querySelector('.person');
    peopleBox.appendChild(section);
    section.querySelectorAll('input[name="person-' + index + '-age"]').forEach(function (radio) {
      radio.addEventListener('change', function () { showAgeParts(section); });
    });
    section.querySelector('[data-remove-person]').addEventListener('click', function () {
      section.remove();
      renumberPeople();
      byId('submit-status').textContent = 'Person entfernt. / Person removed.';
      addButton.focus();
    });
    showAgeParts(section);
    clearFieldError('people');
    if (focus) byId('person-' + index + '-nameOrRole').focus();
  }

  addButton.addEventListener('click', function () { addPerson(true); });

  function collectPeople() {
    return peopleSections().map(function (section) {
      var i = section.getAttribute('data-person');
      var id = function (name) { return 'person-' + i + '-' + name; };
      var age = radioValue(id('age'));
      var minor = age === 'minor14' || age === 'child';
      return {
        index: i,
        age: age,
        person: {
          nameOrRole: value(id('nameOrRole')),
          minor: minor,
          aged14OrOver: age === 'minor14',
          guardians: minor ? value(id('guardians')) : '',
          guardianConsent: minor && checked(id('guardianConsent')),
          ownConsent: age === 'minor14' && checked(id('ownConsent')),
          channelWebsite: checked(id('channelWebsite')),
          channelYoutube: checked(id('channelYoutube')),
          channelSocial: checked(id('channelSocial')),
        },
      };
    });
  }

  /* ---------- errors: per field and in the summary ---------- */

  var summary = byId('error-summary');
  var summaryList = byId('error-summary-list');

  /** The id of the control an API path (["people", 0, "guardians"]) or a check of this page refers to. */
  function controlIdFor(path) {
    var parts = Array.isArray(path) ? path.map(String) : String(path).split('.');
    if (parts[0] === 'people' && parts.length > 2) {
      var section = peopleSections()[Number(parts[1])];
      var i = section ? section.getAttribute('data-person') : parts[1];
      var name = parts[2];
      if (/^channel/.test(name)) return 'person-' + i + '-channels';
      if (name === 'minor' || name === 'aged14OrOver') return 'person-' + i + '-age';
      return 'person-' + i + '-' + name;
    }
    var top = {
      videoUpload: 'video',
      videoChoice: 'videoChoice',
      minorsShown: 'people',
      consentGuardian: 'people',
      consentMinor: 'people',
      themes: 'themes',
      body: '',
    };
    return top[parts[0]] || parts[0];
  }

  /** The element that receives focus: the control itself, or the first input of a group. */
  function focusTarget(control) {
    if (!control) return null;
    if (control.matches('input, select, textarea')) return control;
    return control.querySelector('input, select, textarea, button') || control;
  }

  function fieldBox(control) {
    return control ? control.closest('[data-field]') : null;
  }

  function clearFieldError(fieldName) {
    var slot = byId(fieldName + '-error');
    if (slot) { slot.hidden = true; slot.textContent = ''; }
    var box = form.querySelector('[data-field="' + fieldName + '"]');
    if (box) {
      box.classList.remove('field--invalid');
      box.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
    }
  }

  function clearErrors() {
    form.querySelectorAll('.field-error').forEach(function (slot) { slot.hidden = true; slot.textContent = ''; });
    form.querySelectorAll('.field--invalid').forEach(function (box) { box.classList.remove('field--invalid'); });
    form.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
    summaryList.innerHTML = '';
    summary.hidden = true;
  }

  function showErrors(errors) {
    clearErrors();
    errors.forEach(function (error) {
      var control = byId(controlIdFor(error.path));
      var box = fieldBox(control);
      var target = focusTarget(control);
      if (box) {
        var slot = byId(box.getAttribute('data-field') + '-error');
        if (slot && slot.hidden) {
          slot.textContent = error.message;
          slot.hidden = false;
        }
        box.classList.add('field--invalid');
        if (target) target.setAttribute('aria-invalid', 'true');
      }
      var item = document.createElement('li');
      if (target && target !== form) {
        if (!target.id) target.id = 'error-target-' + summaryList.children.length;
        var link = document.createElement('a');
        link.href = '#' + target.id;
        link.textContent = error.message;
        link.addEventListener('click', function (event) {
          event.preventDefault();
          target.scrollIntoView({ block: 'center' });
          target.focus();
        });
        item.appendChild(link);
      } else {
        item.textContent = error.message;
      }
      summaryList.appendChild(item);
    });
    summary.hidden = false;
    summary.focus();
    summary.scrollIntoView({ block: 'start' });
  }

  /* ---------- checks before sending (the server checks again) ---------- */

  function validate() {
    var errors = [];
    var add = function (path, message) { errors.push({ path: path, message: message }); };

    if (!value('name')) add('name', both('Bitte geben Sie Ihren Namen an.', 'Please enter your name.'));
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value('email'))) {
      add('email', both('Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.', 'Please enter a valid e-mail address.'));
    }
    if (value('phone') && !/^\+?[0-9 ()/-]{4,}$/.test(value('phone'))) {
      add('phone', both('Bitte geben Sie die Telefonnummer nur mit Ziffern, Leerzeichen und + - / ( ) an.', 'Digits, spaces and + - / ( ) only.'));
    }
    var credit = radioValue('credit');
    if (!credit) add('credit', both('Bitte wählen Sie, wie Sie genannt werden möchten.', 'Please choose how you want to be credited.'));
    if (credit === 'organisation' && !value('organisation')) {
      add('organisation', both('Sie möchten mit Ihrer Organisation genannt werden: Bitte geben Sie die Organisation an.', 'Please enter your organisation.'));
    }

    var title = value('title');
    if (title.length < 3) add('title', both('Bitte geben Sie einen Titel mit mindestens 3 Zeichen an.', 'Please enter a title (at least 3 characters).'));
    else if (/[<>]/.test(title)) add('title', both('Der Titel darf die Zeichen < und > nicht enthalten.', 'The title must not contain < or >.'));
    if (value('story').length < 20) add('story', both('Bitte erzählen Sie Ihre Geschichte in ein paar Sätzen (mindestens 20 Zeichen).', 'Please tell your story in a few sentences.'));
    if (!regionSelect.value) add('region', both('Bitte wählen Sie Ihren Landkreis oder Ihre Stadt.', 'Please choose your district or city.'));

    var choice = radioValue('videoChoice');
    if (!choice) add('videoChoice', both('Bitte wählen Sie, ob Sie ein Video haben.', 'Please choose whether you have a video.'));
    if (choice === 'file' && !state.upload && !state.uploadUrl) add('video', both('Bitte wählen Sie eine Videodatei aus.', 'Please choose a video file.'));
    if (choice === 'youtube' && !/^https?:\/\/(www\.|m\.)?(youtube\.com|youtu\.be|youtube-nocookie\.com)\//i.test(value('youtubeUrl'))) {
      add('youtubeUrl', both('Bitte geben Sie einen Link zu YouTube an, z. B. https://youtu.be/….', 'Please enter a YouTube link.'));
    }
    var cover = byId('cover').files[0];
    if (cover && !allowedFile(cover, options.image)) add('cover', both('Das Titelbild muss ein Foto im Format ' + formatsText(options.image.extensions) + ' sein.', 'Please choose a photo in one of these formats.'));
    else if (cover && cover.size > options.image.maxBytes) add('cover', both('Das Titelbild ist zu groß: höchstens ' + megabytes(options.image.maxBytes) + '.', 'The photo is too large.'));
    var captions = choice === 'file' ? byId('captions').files[0] : null;
    if (captions && options.captions.extensions.indexOf('.' + extensionOf(captions.name)) === -1) {
      add('captions', both('Die Untertitel müssen eine Datei ' + formatsText(options.captions.extensions) + ' sein.', 'Captions must be a WebVTT or SRT file.'));
    } else if (captions && captions.size > options.captions.maxBytes) {
      add('captions', both('Die Untertitel-Datei ist zu groß: höchstens ' + megabytes(options.captions.maxBytes) + '.', 'The captions file is too large.'));
    }

    var people = collectPeople();
    if ((choice === 'file' || choice === 'youtube') && people.length === 0) {
      add('people', both('Bitte tragen Sie jede Person ein, die im Video zu sehen ist (Name oder Rolle).', 'Please list every person shown.'));
    }
    people.forEach(function (entry, position) {
      var p = entry.person;
      if (!p.nameOrRole) add(['people', position, 'nameOrRole'], both('Person ' + (position + 1) + ': Bitte geben Sie Name oder Rolle an.', 'Please enter a name or role.'));
      if (!entry.age) add(['people', position, 'age'], both('Person ' + (position + 1) + ': Bitte wählen Sie das Alter.', 'Please choose the age.'));
      if (p.minor && !p.guardians) add(['people', position, 'guardians'], both('Person ' + (position + 1) + ': Bitte nennen Sie die Sorgeberechtigten.', 'Please name the guardians.'));
      if (p.minor && !p.guardianConsent) add(['people', position, 'guardianConsent'], both('Person ' + (position + 1) + ': Die Einwilligung der Sorgeberechtigten fehlt.', 'Guardian consent is missing.'));
      if (p.aged14OrOver && !p.ownConsent) add(['people', position, 'ownConsent'], both('Person ' + (position + 1) + ': Die eigene Einwilligung fehlt (ab 14 Jahren).', 'Own consent is missing (14 or older).'));
      if (!p.channelWebsite && !p.channelYoutube && !p.channelSocial) {
        add(['people', position, 'channels'], both('Person ' + (position + 1) + ': Bitte wählen Sie mindestens einen Ort, an dem die Person gezeigt werden darf.', 'Please choose at least one channel.'));
      }
    });

    if (!checked('consentPeople')) add('consentPeople', both('Bitte bestätigen Sie, dass alle gezeigten Personen einverstanden sind.', 'Please confirm that everyone shown agreed.'));
    if (!checked('acceptTerms')) add('acceptTerms', both('Bitte akzeptieren Sie die Teilnahmebedingungen.', 'Please accept the conditions of participation.'));
    if (!checked('consentPrivacy')) add('consentPrivacy', both('Bitte bestätigen Sie, dass Sie die Datenschutzerklärung gelesen haben.', 'Please confirm the privacy notice.'));
    return errors;
  }

  /* ---------- resumable video upload (tus) ---------- */

  var videoInput = byId('video');
  var uploadBox = byId('upload-status');
  var progress = byId('upload-progress');
  var progressText = byId('upload-text');
  var announce = byId('upload-announce');
  var cancelButton = byId('upload-cancel');
  var lastAnnounced = -1;

  function setProgress(sent, total) {
    var percent = total ? Math.floor((sent / total) * 100) : 0;
    progress.value = percent;
    progressText.textContent = percent + ' % (' + megabytes(sent) + ' von ' + megabytes(total) + ')';
    var step = Math.floor(percent / 25) * 25;
    if (step !== lastAnnounced) {
      lastAnnounced = step;
      announce.textContent = 'Hochgeladen: ' + step + ' % / Uploaded: ' + step + ' %';
    }
  }

  function resetUpload() {
    if (state.waitingForUpload) busy(false);
    if (state.upload) state.upload.abort(true).catch(function () {});
    state.upload = null;
    state.uploadUrl = null;
    state.uploadedFile = null;
    state.waitingForUpload = false;
    uploadBox.hidden = true;
    progress.value = 0;
    lastAnnounced = -1;
  }

  /**
   * A refusal from the upload server itself: any 4xx, and 503 when the storage for all uploads in progress is full
   * (only our tus server sends Tus-Resumable; a 503 from a proxy in between is a network problem to ride out).
   */
  function refusedByServer(error) {
    var response = error && error.originalResponse;
    if (!response) return false;
    var status = response.getStatus();
    return (status >= 400 && status < 500) || (status === 503 && Boolean(response.getHeader('Tus-Resumable')));
  }

  function startUpload(file) {
    resetUpload();
    clearFieldError('video');
    if (!allowedFile(file, options.video)) {
      videoInput.value = '';
      showErrors([{ path: 'video', message: both('Diese Datei ist kein Video im Format ' + formatsText(options.video.extensions) + '.', 'This is not a video in an accepted format.') }]);
      return;
    }
    if (file.size > options.video.maxBytes) {
      videoInput.value = '';
      showErrors([{ path: 'video', message: both('Das Video ist zu groß: höchstens ' + megabytes(options.video.maxBytes) + '.', 'The video is too large.') }]);
      return;
    }
    uploadBox.hidden = false;
    cancelButton.hidden = false;
    setProgress(0, file.size);
    var upload = new window.tus.Upload(file, {
      endpoint: '/api/v1/uploads',
      chunkSize: CHUNK_BYTES,
      retryDelays: RETRY_DELAYS,
      removeFingerprintOnSuccess: true,
      metadata: { filename: file.name, filetype: file.type || 'application/octet-stream' },
      onProgress: setProgress,
      // The budget of pending uploads frees up in minutes, not in the seconds tus-js-client would retry within.
      onShouldRetry: function (error, attempt, settings) {
        var budgetFull = refusedByServer(error) && error.originalResponse.getStatus() === 503;
        return !budgetFull && window.tus.defaultOptions.onShouldRetry(error, attempt, settings);
      },
      onSuccess: function () {
        state.uploadUrl = upload.url;
        state.uploadedFile = file;
        setProgress(file.size, file.size);
        progressText.textContent = '100 % – fertig hochgeladen. / Upload complete.';
        announce.textContent = 'Das Video ist fertig hochgeladen. / The video upload is complete.';
        cancelButton.hidden = true;
        if (state.waitingForUpload) send();
      },
      onError: function (error) {
        if (refusedByServer(error)) {
          var body = error.originalResponse.getBody() || '';
          resetUpload();
          videoInput.value = '';
          showErrors([{ path: 'video', message: uploadRefusal(body) }]);
          return;
        }
        // A network drop: tus keeps the offset on the server; go on as soon as the device is online again.
        progressText.textContent = 'Die Verbindung ist unterbrochen. Das Hochladen geht weiter, sobald Sie wieder online sind. / Connection lost – the upload resumes when you are back online.';
        announce.textContent = progressText.textContent;
        var resumed = false;
        var resume = function () {
          if (resumed || state.upload !== upload || state.uploadUrl) return;
          resumed = true;
          upload.start();
        };
        window.addEventListener('online', resume, { once: true });
        if (navigator.onLine) setTimeout(resume, 5000);
      },
    });
    state.upload = upload;
    upload.findPreviousUploads().then(function (previous) {
      if (previous.length) upload.resumeFromPreviousUpload(previous[0]);
      upload.start();
    });
  }

  function uploadRefusal(body) {
    try {
      var parsed = JSON.parse(body);
      if (parsed && parsed.error && parsed.error.message) return parsed.error.message;
    } catch (ignored) { /* a plain-text answer from the upload server */ }
    return body && body.length < 600 && body.charAt(0) !== '<' ? body : both('Das Video wurde nicht angenommen. Bitte versuchen Sie es noch einmal.', 'The video was refused. Please try again.');
  }

  videoInput.addEventListener('change', function () {
    if (videoInput.files[0]) startUpload(videoInput.files[0]);
    else resetUpload();
  });

  cancelButton.addEventListener('click', function () {
    resetUpload();
    videoInput.value = '';
    announce.textContent = 'Hochladen abgebrochen. / Upload cancelled.';
    videoInput.focus();
  });

  /* ---------- sending ---------- */

  var submitButton = byId('submit-button');
  var submitStatus = byId('submit-status');

  function buildBody() {
    var body = new FormData();
    ['name', 'email', 'phone', 'organisation', 'title', 'story', 'region', 'referralSource'].forEach(function (name) {
      if (value(name)) body.append(name, value(name));
    });
    if (byId('project') && byId('project').value) body.append('project', byId('project').value);
    body.append('credit', radioValue('credit'));
    form.querySelectorAll('input[name="themes"]:checked').forEach(function (box) { body.append('themes', box.value); });

    var choice = radioValue('videoChoice');
    if (choice === 'file' && state.uploadUrl) {
      body.append('videoUpload', state.uploadUrl);
      var captions = byId('captions').files[0];
      if (captions) {
        body.append('captions', captions);
        body.append('captionsLanguage', byId('captionsLanguage').value);
      }
    }
    if (choice === 'youtube') body.append('youtubeUrl', value('youtubeUrl'));
    if (choice === 'none') {
      body.append('needsFilmingHelp', String(checked('needsFilmingHelp')));
      body.append('needsEquipment', String(checked('needsEquipment')));
    }
    var cover = byId('cover').files[0];
    if (cover) body.append('cover', cover);

    var people = collectPeople().map(function (entry) { return entry.person; });
    var minors = people.filter(function (p) { return p.minor; });
    body.append('people', JSON.stringify(people));
    body.append('minorsShown', String(minors.length > 0));
    body.append('consentGuardian', String(minors.length > 0 && minors.every(function (p) { return p.guardianConsent; })));
    body.append('consentMinor', String(minors.filter(function (p) { return p.aged14OrOver; }).every(function (p) { return p.ownConsent; })));
    ['consentPeople', 'acceptTerms', 'consentPrivacy'].forEach(function (name) { body.append(name, String(checked(name))); });
    body.append(options.honeypotField, byId(options.honeypotField).value);
    return body;
  }

  function busy(on, message) {
    state.sending = on;
    submitButton.disabled = on;
    submitStatus.textContent = message || '';
  }

  function send() {
    state.waitingForUpload = false;
    busy(true, 'Ihre Geschichte wird gesendet … / Sending your story …');
    fetch('/api/v1/submissions', { method: 'POST', body: buildBody(), headers: { Accept: 'application/json' } })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) { return { status: response.status, json: json }; });
      })
      .then(function (answer) {
        if (answer.status === 201 && answer.json.referenceNumber) {
          state.done = true;
          window.location.assign('/mitmachen/danke?ref=' + encodeURIComponent(answer.json.referenceNumber));
          return;
        }
        busy(false);
        var error = answer.json.error || {};
        var errors = (error.details && error.details.errors) || [];
        if (errors.some(function (e) { return String(e.path) === 'videoUpload'; })) resetUpload();
        showErrors(errors.length ? errors : [{ path: 'body', message: error.message || both('Das hat leider nicht geklappt (Fehler ' + answer.status + '). Ihre Eingaben sind noch da – bitte versuchen Sie es gleich noch einmal.', 'That did not work. Your entries are kept – please try again.') }]);
      })
      .catch(function () {
        busy(false);
        showErrors([{ path: 'body', message: both('Keine Verbindung zum Server. Ihre Eingaben sind noch da – bitte versuchen Sie es gleich noch einmal.', 'No connection. Your entries are kept – please try again.') }]);
      });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (state.sending) return;
    var errors = validate();
    if (errors.length) {
      showErrors(errors);
      return;
    }
    clearErrors();
    if (radioValue('videoChoice') === 'file' && !state.uploadUrl) {
      state.waitingForUpload = true;
      busy(true, 'Das Video wird noch hochgeladen. Wir senden Ihre Geschichte automatisch, sobald es fertig ist. / The video is still uploading; your story is sent as soon as it is done.');
      return;
    }
    send();
  });

  /* ---------- keep what was typed ---------- */

  form.addEventListener('input', function () { state.dirty = true; });
  window.addEventListener('beforeunload', function (event) {
    if (state.done || (!state.dirty && !state.upload)) return;
    event.preventDefault();
    event.returnValue = '';
  });

  showVideoBranch();
  submitButton.disabled = false;
})();
