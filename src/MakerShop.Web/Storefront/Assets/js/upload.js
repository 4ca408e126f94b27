// Drag-and-drop onto the upload form, a local 3D preview of the chosen STL/3MF before it is sent, and the quoted
// model's preview on the quote page. The form itself works without this file.
import { STLLoader } from 'three/addons/loaders/STLLoader.js';
import { ThreeMFLoader } from 'three/addons/loaders/3MFLoader.js';
import { showMesh } from './preview.js';

function geometryOf(buffer, name) {
    if (name.toLowerCase().endsWith('.3mf')) {
        const group = new ThreeMFLoader().parse(buffer);
        let geometry = null;
        group.traverse(o => { if (!geometry && o.isMesh) geometry = o.geometry.clone().applyMatrix4(o.matrixWorld); });
        return geometry;
    }
    return new STLLoader().parse(buffer);
}

const dropzone = document.querySelector('[data-dropzone]');
if (dropzone) {
    const input = dropzone.querySelector('input[type=file]');
    const figure = document.querySelector('[data-local-preview]');
    const preview = async file => {
        const geometry = geometryOf(await file.arrayBuffer(), file.name);
        if (geometry) {
            figure.hidden = false;
            showMesh(figure.querySelector('canvas'), geometry, '#e8590c');
        }
    };
    ['dragenter', 'dragover'].forEach(t => dropzone.addEventListener(t, e => { e.preventDefault(); dropzone.classList.add('over'); }));
    ['dragleave', 'drop'].forEach(t => dropzone.addEventListener(t, () => dropzone.classList.remove('over')));
    dropzone.addEventListener('drop', e => {
        e.preventDefault();
        input.files = e.dataTransfer.files;
        if (input.files[0]) preview(input.files[0]).catch(() => {});
    });
    input.addEventListener('change', () => { if (input.files[0]) preview(input.files[0]).catch(() => {}); });
}

for (const canvas of document.querySelectorAll('canvas[data-model]')) {
    fetch(canvas.dataset.model)
        .then(r => r.ok ? r.arrayBuffer() : Promise.reject(new Error(r.statusText)))
        .then(buffer => showMesh(canvas, geometryOf(buffer, /3mf/i.test(canvas.dataset.format) ? 'model.3mf' : 'model.stl'), '#e8590c'))
        .catch(error => { canvas.dataset.error = String(error); });
}
