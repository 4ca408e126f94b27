// Draws a product's toolpath (float32 x,y,z segment pairs from the server) or an uploaded STL/3MF model, turnable
// with the mouse. The page is complete without it; the canvas stays empty if WebGL is unavailable.
import * as THREE from 'three';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';

function stage(canvas) {
    const renderer = new THREE.WebGLRenderer({ canvas, antialias: true, preserveDrawingBuffer: true });
    renderer.setPixelRatio(window.devicePixelRatio);
    renderer.setClearColor(0xffffff);
    const scene = new THREE.Scene();
    scene.add(new THREE.HemisphereLight(0xffffff, 0x8090a0, 2.5));
    const light = new THREE.DirectionalLight(0xffffff, 1.5);
    light.position.set(1, -1, 2);
    scene.add(light);
    const camera = new THREE.PerspectiveCamera(40, 1, 0.1, 5000);
    camera.up.set(0, 0, 1);
    const controls = new OrbitControls(camera, canvas);
    // Drawn on demand (a turn, a resize, a new object), never in a frame loop: a still picture redrawn 60 times a
    // second costs a phone its battery, and a software-rendered WebGL its whole CPU.
    const render = () => renderer.render(scene, camera);
    controls.addEventListener('change', render);
    const resize = () => {
        const { clientWidth: w, clientHeight: h } = canvas;
        renderer.setSize(w, h, false);
        camera.aspect = w / Math.max(h, 1);
        camera.updateProjectionMatrix();
        render();
    };
    const frame = object => {
        scene.add(object);
        const box = new THREE.Box3().setFromObject(object);
        const centre = box.getCenter(new THREE.Vector3());
        const size = box.getSize(new THREE.Vector3()).length() || 1;
        controls.target.copy(centre);
        camera.position.copy(centre).add(new THREE.Vector3(size * 0.9, -size * 1.1, size * 0.8));
        camera.near = size / 100;
        camera.far = size * 20;
        camera.updateProjectionMatrix();
        controls.update();
        render();
    };
    resize();
    new ResizeObserver(resize).observe(canvas);
    return { frame };
}

export function showToolpath(canvas, floats, colour) {
    const geometry = new THREE.BufferGeometry();
    geometry.setAttribute('position', new THREE.BufferAttribute(floats, 3));
    // Lines have no lighting, so lower layers are drawn darker to show the part's height.
    let top = 0;
    for (let i = 2; i < floats.length; i += 3) top = Math.max(top, floats[i]);
    const base = new THREE.Color(colour);
    const shades = new Float32Array(floats.length);
    const shade = new THREE.Color();
    for (let i = 0; i < floats.length; i += 3) {
        shade.copy(base).multiplyScalar(0.35 + 0.65 * (top > 0 ? floats[i + 2] / top : 1));
        shades.set([shade.r, shade.g, shade.b], i);
    }
    geometry.setAttribute('color', new THREE.BufferAttribute(shades, 3));
    const lines = new THREE.LineSegments(geometry, new THREE.LineBasicMaterial({ vertexColors: true }));
    stage(canvas).frame(lines);
    canvas.dataset.rendered = String(floats.length / 6);
}

export function showMesh(canvas, geometry, colour) {
    geometry.computeVertexNormals();
    const mesh = new THREE.Mesh(geometry, new THREE.MeshStandardMaterial({ color: colour, roughness: 0.6, metalness: 0.05 }));
    stage(canvas).frame(mesh);
    canvas.dataset.rendered = String(geometry.getAttribute('position').count / 3);
}

function selectedColour() {
    const checked = document.querySelector('input[name="variant"]:checked');
    return checked ? checked.value.split('|')[1] : '#e8590c';
}

for (const canvas of document.querySelectorAll('canvas[data-toolpath]')) {
    fetch(canvas.dataset.toolpath)
        .then(response => response.ok ? response.arrayBuffer() : Promise.reject(new Error(response.statusText)))
        .then(buffer => showToolpath(canvas, new Float32Array(buffer), selectedColour()))
        .catch(error => { canvas.dataset.error = String(error); });
}
