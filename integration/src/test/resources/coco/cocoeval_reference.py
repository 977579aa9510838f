"""Runs pycocotools' COCOeval (bbox) on a ground-truth file and a results file; prints the 12 statistics as JSON.

usage: cocoeval_reference.py GT.json RESULTS.json
COCOeval's progress messages go to stderr; stdout carries only {"stats": [...], "precision50": [...]} with every
float in repr form; precision50 holds, per category in ascending id order, the precision at the 101 recall points
at IoU 0.50, area all, 100 detections (accumulate's precision[0, :, k, 0, 2]).
"""
import contextlib
import json
import sys

from pycocotools.coco import COCO
from pycocotools.cocoeval import COCOeval

with contextlib.redirect_stdout(sys.stderr):
    truth = COCO(sys.argv[1])
    results = truth.loadRes(sys.argv[2])
    evaluation = COCOeval(truth, results, "bbox")
    evaluation.evaluate()
    evaluation.accumulate()
    evaluation.summarize()
precision = evaluation.eval["precision"]
print(json.dumps({"stats": [float(s) for s in evaluation.stats],
                  "precision50": [[float(p) for p in precision[0, :, k, 0, 2]] for k in range(precision.shape[2])]}))
